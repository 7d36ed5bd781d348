#!/usr/bin/python3
"""Reads kam's sales-report workbooks back with openpyxl (an independent reader) and checks
them cell by cell against figures computed by hand from Fixtures/small. Nothing here comes
from kam's code: a wrong figure in kam fails this script.

usage: check_sales_report.py REPORTS_DIR
"""
import math
import os
import sys

import openpyxl

REPORTS = sys.argv[1]
failures = []



def as_written(expected, got):
    """kam writes dates and received times as Excel dates (SPEC §8 Workbooks); openpyxl reads
    them as datetime. Compared with the text a reader sees under the cell's format."""
    import datetime
    if isinstance(got, datetime.datetime) and isinstance(expected, str):
        return got.strftime("%Y-%m-%d" if len(expected) == 10 else "%Y-%m-%d %H:%M")
    return got

def check(what, got, expected):
    got = as_written(expected, got)
    if isinstance(expected, float) and isinstance(got, (int, float)):
        ok = math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9)
    else:
        ok = got == expected
    if not ok:
        failures.append(f"{what}: got {got!r}, expected {expected!r}")


def book(period, owner="YY01", tier="subsidiary"):
    path = os.path.join(REPORTS, period, tier, f"{owner}_{period}_客户销售报表.xlsx")
    if not os.path.exists(path):
        failures.append(f"missing workbook {path}")
        return None
    return openpyxl.load_workbook(path)


HEADER = ["排名", "客户编码", "客户名称", "本期销售额", "上期销售额", "环比", "去年同期销售额", "同比",
          "本期毛利", "毛利率", "近12月销售额", "等级", "上期等级", "等级变动", "大客户", "大客户级别"]

# YY01, 2026-09. Sales (yuan): Sep 2026 C1 500, C2 500, C3 200, C6 +100−100; Aug 2026 C1 400,
# C3 100, C5 300; Sep 2025 C1 250, C2 100, C3 150; Jan 2025 C4 1000; the July 2026 file is
# rejected and counts nowhere.
# ttm Oct25–Sep26: C1 900, C2 500, C3 300, C5 300 (T 2000) → before 0, .45, .70, .70 → A A B B.
# ttm Sep25–Aug26: C1 650, C5 300, C3 250, C2 100 (T 1300) → before 0, .5, .73, .92 → A A B C.
# Cost Sep: C1 300, C2 450; Aug: C1 100. ttm profit: total 2000 − 850 = 1150; C1 500 (43%),
# C3 300 (26%), C5 300 (26%), C2 50 (4%) → key accounts C1, C3, C5 (share ≥ 10%).
# SPEC §8 "Incomplete data": `since` is 2026-01 and no accepted file covers 2026-01 … 2026-07 (the
# July file is rejected), so both 12-month windows have missing months: 近12月销售额, 等级, 上期等级,
# 等级变动, 大客户 and 大客户级别 are blank, and with no grades there are no 潜力客户 and no 等级变动.
# P (Sep 2026), prev (Aug 2026) and ly (Sep 2025, before `since`: history) are all there, so the
# period's figures, 环比 and 同比 stand as computed above.
EXPECTED_RANKING = [
    [1, "C1", "新名", 500.0, 400.0, 0.25, 250.0, 1.0, 200.0, 0.4, None, None, None, None, None, None],
    [1, "C2", "乙", 500.0, 0.0, None, 100.0, 4.0, 50.0, 0.1, None, None, None, None, None, None],
    [3, "C3", "丙", 200.0, 100.0, 1.0, 150.0, 1 / 3, 200.0, 1.0, None, None, None, None, None, None],
    [None, "C4", "丁", 0.0, 0.0, None, 0.0, None, 0.0, None, None, None, None, None, None, None],
    [None, "C5", "戊", 0.0, 300.0, -1.0, 0.0, None, 0.0, None, None, None, None, None, None, None],
    [None, "C6", "己", 0.0, 0.0, None, 0.0, None, 0.0, None, None, None, None, None, None, None],
]

wb = book("2026-09")
if wb:
    check("sheets", wb.sheetnames, ["概览", "客户排名", "潜力客户", "等级变动", "数据来源"])
    check("title", wb.properties.title, "YY01 测试医药有限公司 2026-09 客户销售报表")
    ws = wb["客户排名"]
    check("客户排名 header", [c.value for c in ws[1]], HEADER)
    check("客户排名 rows", ws.max_row, 1 + len(EXPECTED_RANKING))
    for r, expected in enumerate(EXPECTED_RANKING, start=2):
        for c, value in enumerate(expected, start=1):
            check(f"客户排名!{openpyxl.utils.get_column_letter(c)}{r}", ws.cell(r, c).value, value)
    check("客户编码 is text", ws.cell(2, 2).data_type, "s")
    check("money format", ws.cell(2, 4).number_format, "#,##0.00")
    check("ratio format", ws.cell(2, 6).number_format, "0.0%")
    check("frozen pane", ws.freeze_panes, "A2")
    check("autofilter", ws.auto_filter.ref, "A1:P7")

    pot = wb["潜力客户"]
    check("潜力客户 rows", [[c.value for c in row] for row in pot.iter_rows(min_row=2)], [])

    ch = wb["等级变动"]
    check("等级变动", [[c.value for c in row] for row in ch.iter_rows(min_row=2)], [])
    banner = wb["概览"]["A2"].value or ""
    check("数据不完整 banner", banner.startswith("数据不完整：") and "YY01 销售明细 2026-07" in banner, True)

    ov = {row[0]: row[1:] for row in wb["概览"].iter_rows(values_only=True) if row[0]}
    check("概览 本期销售额", ov.get("本期销售额", [None])[0], 1200.0)
    check("概览 上期销售额", ov.get("上期销售额", [None])[0], 800.0)
    check("概览 去年同期销售额", ov.get("去年同期销售额", [None])[0], 500.0)
    check("概览 环比", ov.get("环比", [None])[0], 0.5)
    check("概览 同比", ov.get("同比", [None])[0], 1.4)
    check("概览 本期毛利", ov.get("本期毛利", [None])[0], 450.0)
    check("概览 A/B/C", [ov.get(f"{g}类客户数", [0])[0] for g in "ABC"], [None, None, None])
    check("概览 大客户数", ov.get("大客户数", [0])[0], None)
    check("概览 版本", ov.get("版本", [None])[0], 1)
    files = [row[0] for row in wb["数据来源"].iter_rows(min_row=2, values_only=True) if row[0]]
    check("lineage", sorted(files), ["YY01/sales_2025-01.csv", "YY01/sales_2025-09.csv", "YY01/sales_2026-08.csv", "YY01/sales_2026-09.csv"])

# July 2026: its only file was rejected, so the period has no data and 概览 says so.
wb = book("2026-07")
if wb:
    ws = wb["客户排名"]
    check("2026-07 customers", [ws.cell(r, 2).value for r in range(2, ws.max_row + 1)], ["C1", "C2", "C3", "C4"])
    # P itself is missing: 本期销售额 is blank, not 0.00 (SPEC §8).
    check("2026-07 sales", [ws.cell(r, 4).value for r in range(2, ws.max_row + 1)], [None, None, None, None])
    notes = [row[1] for row in wb["概览"].iter_rows(values_only=True) if row[0] == "注意"]
    check("2026-07 missing note", any("缺失" in (n or "") for n in notes), True)

# HG01 dropped nothing: its quarterly workbooks exist and say the input is missing.
for q in ["2026Q1", "2026Q2", "2026Q3"]:
    wb = book(q, owner="HG01")
    if wb:
        check(f"HG01 {q} rows", wb["客户排名"].max_row, 1)

if failures:
    print("\n".join(failures))
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all workbook checks passed")
