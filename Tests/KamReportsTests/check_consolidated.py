#!/usr/bin/python3
"""Reads the consolidated workbooks written by ConsolidatedWorkbookTests back with openpyxl (an
independent reader) and checks sheet names, exact header rows and figures computed by hand
below. Nothing here comes from kam's code.

usage: check_consolidated.py DIR   (DIR holds line.xlsx, hq.xlsx, review.xlsx)
"""
import math
import os
import sys

import openpyxl

DIR = sys.argv[1]
failures = []
FORMULA_NAME = '=HYPERLINK("http://x","y")'



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
    elif isinstance(expected, list) and isinstance(got, list) and len(got) == len(expected):
        for i, (g, e) in enumerate(zip(got, expected)):
            check(f"{what}[{i}]", g, e)
        return
    else:
        ok = got == expected
    if not ok:
        failures.append(f"{what}: got {got!r}, expected {expected!r}")


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def table(wb, name, header, expected_rows):
    if name not in wb.sheetnames:
        failures.append(f"missing sheet {name}")
        return None
    ws = wb[name]
    got = rows(ws)
    check(f"{name} header", got[0] if got else None, header)
    check(f"{name} row count", len(got) - 1, len(expected_rows))
    for i, exp in enumerate(expected_rows):
        if i + 1 < len(got):
            check(f"{name} row {i + 1}", got[i + 1], exp)
    check(f"{name} frozen", ws.freeze_panes, "A2")
    check(f"{name} autofilter", ws.auto_filter.ref is not None, True)
    return ws


def overview(wb):
    """label in column A -> the values in columns B.. of its first row."""
    found = {}
    for r in wb["概览"].iter_rows(values_only=True):
        if r and isinstance(r[0], str) and r[0] not in found:
            found[r[0]] = [v for v in r[1:] if v is not None]
    return found


def fmt(ws, coord, expected):
    check(f"{ws.title}!{coord} number format", ws[coord].number_format, expected)


# ---------------------------------------------------------------------------------------------
# 汇总分析表, 化工 2026Q3 (yuan).
# SA01: A1 (name is a formula-looking text) Sep26 1,234.56, Jun26 1,000.00, Sep25 500.00;
#       A2 Aug26 234.56. Q3 1,469.12; Q2 1,000.00; Q3 2025 500.00. ttm A1 2,234.56, A2 234.56
#       (T 2,469.12): A1 A; A2 before 0.905 → C. Key: A1 (profit share 90.5%); A2 9.5% < 10%.
# SA02: 00123 Jul26 1,234.56, Jul25 2,000.00. Q3 1,234.56, Q2 0, Q3 2025 2,000.00; A; key.
wb = openpyxl.load_workbook(os.path.join(DIR, "line.xlsx"))
check("line sheets", wb.sheetnames, ["概览", "分公司汇总", "重点客户排名", "等级迁移", "潜力客户", "资信预警", "报表核对", "数据来源"])
ov = overview(wb)
check("line 本期销售额", ov.get("本期销售额"), [2703.68])
check("line 上期销售额", ov.get("上期销售额"), [1000.00])
check("line 环比", ov.get("环比"), [1.70368])
check("line 去年同期销售额", ov.get("去年同期销售额"), [2500.00])
check("line 同比", ov.get("同比"), [2703.68 / 2500.00 - 1])
check("line 活跃客户数", ov.get("活跃客户数"), [3])
check("line ABC", [ov.get(f"{g}类客户数") for g in "ABC"], [[2], [0], [1]])
check("line 大客户数", ov.get("大客户数"), [2])
check("line 超限/预警", [ov.get("超限客户数"), ov.get("预警客户数")], [[1], [0]])
check("line 未报送", ov.get("未报送分公司"), ["无"])
check("line 核对结果", ov.get("核对结果"), ["分公司合计与各公司客户销售报表不一致: 一致 (1/2)"])
check("line SA02 difference", ov.get("SA02 不一致"), ["本期销售额 汇总表 1,234.56 / 分公司报表 1,234.55"])
# The lineage is the last sheet, not the front of 概览 (SPEC §8 Workbooks): kind in words, the
# received time an Excel date.
ws = table(wb, "数据来源", ["文件名", "类型", "期间", "接收时间", "SHA-256"],
           [["sales_2026Q3.csv", "销售明细", "2026Q3", "2026-10-03 10:00", "ab12"]])
check("数据来源 received is an Excel date", (ws["D2"].is_date, ws["D2"].number_format), (True, "yyyy-mm-dd hh:mm"))
check("概览 lists no input file", [r[0] for r in wb["概览"].iter_rows(values_only=True) if r[0] == "sales_2026Q3.csv"], [])
check("概览 points to 数据来源", ov.get("数据来源"), ["见工作表「数据来源」(1 个输入文件)"])

ws = table(wb, "分公司汇总",
           ["分公司", "分公司名称", "本期销售额", "上期销售额", "环比", "去年同期销售额", "同比", "活跃客户数",
            "A类", "B类", "C类", "大客户数", "提交状态", "接收时间"],
           [["SA01", "华东化工有限公司", 1469.12, 1000.00, 0.46912, 500.00, 1469.12 / 500 - 1, 2, 1, 0, 1, 1,
             "按时", "2026-10-03 10:00"],
            ["SA02", "华南化工有限公司", 1234.56, 0, None, 2000.00, 1234.56 / 2000 - 1, 1, 1, 0, 0, 1,
             "逾期", "2026-10-07 09:30"]])
if ws is not None:
    fmt(ws, "C2", "#,##0.00")
    fmt(ws, "E2", "0.0%")

ws = table(wb, "重点客户排名",
           ["排名", "分公司", "分公司名称", "客户编码", "客户名称", "本期销售额", "上期销售额", "环比",
            "去年同期销售额", "同比", "近12月销售额", "等级", "大客户"],
           [[1, "SA01", "华东化工有限公司", "A1", FORMULA_NAME, 1234.56, 1000.00, 0.23456, 500.00, 1.46912, 2234.56, "A", "是"],
            [1, "SA02", "华南化工有限公司", "00123", "丙公司", 1234.56, 0, None, 2000.00, 1234.56 / 2000 - 1, 1234.56, "A", "是"],
            [3, "SA01", "华东化工有限公司", "A2", "乙公司", 234.56, 0, None, 0, None, 234.56, "C", None]])
if ws is not None:
    check("formula-looking name is text", ws["E2"].data_type, "s")
    check("leading zeros kept", ws["D3"].data_type, "s")

table(wb, "等级迁移", ["上期等级＼本期等级", "A", "B", "C", "无"],
      [["A", 2, 0, 0, 0], ["B", 0, 0, 0, 0], ["C", 0, 0, 0, 0], ["无", 0, 0, 1, 0]])
table(wb, "潜力客户", ["序号", "分公司", "分公司名称", "客户编码", "客户名称", "等级", "本期销售额", "去年同期销售额",
                      "同比", "近12月销售额"], [])
table(wb, "资信预警", ["分公司", "分公司名称", "客户编码", "客户名称", "应收余额", "执行额度", "额度来源", "额度使用率", "状态"],
      [["SA02", "华南化工有限公司", "00123", "丙公司", 150000.00, 100000.00, "未批复", 1.5, "超限"]])
table(wb, "报表核对", ["分公司", "分公司名称", "客户销售报表版本", "核对结果", "差异"],
      [["SA01", "华东化工有限公司", 1, "一致", None],
       ["SA02", "华南化工有限公司", 1, "不一致", "本期销售额 汇总表 1,234.56 / 分公司报表 1,234.55"]])

# 汇总分析表, 医药 2026-09: monthly, so no 资信预警; YY01 sent nothing (未报送, figures 0, growth blank).
wb = openpyxl.load_workbook(os.path.join(DIR, "line_monthly.xlsx"))
check("monthly sheets", wb.sheetnames, ["概览", "分公司汇总", "重点客户排名", "等级迁移", "潜力客户", "报表核对", "数据来源"])
ov = overview(wb)
check("monthly 核对结果", ov.get("核对结果"), ["分公司合计与各公司客户销售报表一致 (1/1)"])
check("monthly 未报送", ov.get("未报送分公司"), ["YY01"])
check("monthly 超限/预警 absent", "超限客户数" in ov or "预警客户数" in ov, False)
table(wb, "分公司汇总",
      ["分公司", "分公司名称", "本期销售额", "上期销售额", "环比", "去年同期销售额", "同比", "活跃客户数",
       "A类", "B类", "C类", "大客户数", "提交状态", "接收时间"],
      # SPEC §8 "Incomplete data": a subsidiary whose P is missing shows 未报送 and blank figures.
      [["YY01", "医药一公司", None, None, None, None, None, None, None, None, None, None, "未报送", None]])
table(wb, "重点客户排名", ["排名", "分公司", "分公司名称", "客户编码", "客户名称", "本期销售额", "上期销售额", "环比",
                        "去年同期销售额", "同比", "近12月销售额", "等级", "大客户"], [])
table(wb, "报表核对", ["分公司", "分公司名称", "客户销售报表版本", "核对结果", "差异"],
      [["YY01", "医药一公司", None, "一致", None]])

# ---------------------------------------------------------------------------------------------
# 客户档案及拜访分析, 集团 2026Q3. SA01: A a1 3/3 达标, a2 1/3 未达标 → 50%; B b1 1/2 no, b2 2/2 yes
# → 50%; C c1 → 100%. SA02 sent neither customers nor visits nor approvals: unknown, listed.
wb = openpyxl.load_workbook(os.path.join(DIR, "hq.xlsx"))
check("hq sheets", wb.sheetnames, ["概览", "档案与拜访", "A类未达标客户", "额度批复缺失", "下季额度批复", "报送情况", "资信预警统计", "跨公司客户", "数据来源"])
ov = overview(wb)
check("hq 档案数", ov.get("档案数"), [40])
check("hq 新增删除变更", [ov.get("新增档案"), ov.get("删除档案"), ov.get("变更档案")], [[3], [1], [5]])
check("hq 信用代码错误数", ov.get("信用代码错误数"), [2])
check("hq 无档案客户数", ov.get("无档案客户数"), [4])
check("hq A类未达标客户数", ov.get("A类未达标客户数"), [1])
check("hq 额度批复缺失分公司", ov.get("额度批复缺失分公司"), ["SA02"])
check("hq 未报送拜访记录分公司", ov.get("未报送拜访记录分公司"), ["SA02"])
check("hq 逾期或未报送资料数", ov.get("逾期或未报送资料数"), [3])
table(wb, "档案与拜访",
      ["分公司", "分公司名称", "业务线", "档案数", "新增档案", "删除档案", "变更档案", "档案完整率", "信用代码错误数",
       "无档案客户数", "A类拜访达标率", "B类拜访达标率", "C类拜访达标率", "A类未达标客户数", "额度批复"],
      [["SA01", "华东化工有限公司", "化工", 40, 3, 1, 5, 0.875, 2, 4, 0.5, 0.5, 1.0, 1, "已批复"],
       ["SA02", "华南化工有限公司", "化工", None, None, None, None, None, None, None, None, None, None, None, "缺失"]])
table(wb, "A类未达标客户", ["分公司", "分公司名称", "客户编码", "客户名称", "应拜访次数", "实际拜访次数"],
      [["SA01", "华东化工有限公司", "a2", "客户a2", 3, 1]])
table(wb, "额度批复缺失", ["分公司", "分公司名称", "期间"], [["SA02", "华南化工有限公司", "2026Q3"]])
# 批复状态 of 2026Q4's limits (SPEC §4.6): SA01's came a minute past the deadline day, SA02's never.
table(wb, "下季额度批复", ["分公司", "分公司名称", "额度期间", "申请日期", "批复截止日期", "批复状态", "接收时间"],
      [["SA01", "华东化工有限公司", "2026Q4", "2026-09-21", "2026-09-24", "逾期批复", "2026-09-25 00:00"],
       ["SA02", "华南化工有限公司", "2026Q4", "2026-09-21", "2026-09-24", "未批复", None]])
check("hq 批复状态 counts", [ov.get(f"2026Q4 额度{s}分公司数") for s in ("按时批复", "逾期批复", "未批复")], [[0], [1], [1]])
check("hq 逾期或未批复分公司", ov.get("2026Q4 额度逾期或未批复分公司"), ["SA01、SA02"])
ws = wb["下季额度批复"]
# Deadlines are Excel dates, not text (SPEC §8 Workbooks): date filters work on them.
check("hq 申请日期 / 批复截止日期 are Excel dates", [(ws[c].is_date, ws[c].number_format) for c in ("D2", "E2")],
      [(True, "yyyy-mm-dd"), (True, "yyyy-mm-dd")])
colours = {rule.formula[0].strip('"'): str(cf.sqref) for cf in ws.conditional_formatting for rule in cf.rules}
check("hq 批复状态 colours", colours, {"未批复": "F2:F3", "逾期批复": "F2:F3"})
table(wb, "报送情况", ["分公司", "分公司名称", "资料", "期间", "提交状态", "接收时间"],
      [["SA01", "华东化工有限公司", "客户档案", "2026Q3", "按时", "2026-10-02 08:15"],
       ["SA01", "华东化工有限公司", "拜访记录", "2026Q3", "逾期", "2026-10-11 16:00"],
       ["SA02", "华南化工有限公司", "客户档案", "2026Q3", "未报送", None],
       ["SA02", "华南化工有限公司", "额度批复", "2026Q3", "未报送", None]])

# ---------------------------------------------------------------------------------------------
# 大客户年度评价, 集团 2026. K2 1,400,000 vs 2,000,000: −30%, grade 3 → 终止. K1 1,100,000 vs
# 1,000,000: +10%, grade 2 → 加强; visits 3 of 4 quarters. K3 900,000, none in 2025: growth
# blank → 维持; key by profit share (900/3,400).
wb = openpyxl.load_workbook(os.path.join(DIR, "review.xlsx"))
check("review sheets", wb.sheetnames, ["概览", "大客户评价", "数据来源"])
ov = overview(wb)
check("review 大客户数", ov.get("大客户数"), [3])
check("review 本年销售额", ov.get("本年销售额"), [3400000.00])
check("review 上年销售额", ov.get("上年销售额"), [3000000.00])
check("review 增长率", ov.get("增长率"), [3.4 / 3.0 - 1])
check("review 建议", [ov.get(f"建议{a}大客户数") for a in ("加强", "维持", "终止")], [[1], [1], [1]])
ws = table(wb, "大客户评价",
           ["分公司", "分公司名称", "业务线", "客户编码", "客户名称", "大客户级别", "本年销售额", "上年销售额", "增长率",
            "本年毛利", "核定等级", "拜访达标季度数", "应拜访季度数", "拜访达标率", "评价建议", "备注"],
           [["SA01", "华东化工有限公司", "化工", "K2", FORMULA_NAME, None, 1400000.00, 2000000.00, -0.3, 1400000.00, 3,
             None, None, None, "终止", None],
            ["SA01", "华东化工有限公司", "化工", "K1", "甲大客户", None, 1100000.00, 1000000.00, 0.1, 1100000.00, 2,
             3, 4, 0.75, "加强", None],
            ["SA01", "华东化工有限公司", "化工", "K3", "丙客户", None, 900000.00, 0, None, 900000.00, None,
             None, None, None, "维持", None]])
if ws is not None:
    check("review formula-looking name is text", ws["E2"].data_type, "s")
    fmt(ws, "G2", "#,##0.00")
    fmt(ws, "I2", "0.0%")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
