#!/usr/bin/python3
"""Reads the credit, proposal, visit and file-maintenance workbooks written by
CreditWorkbooksTests back with openpyxl (an independent reader) and checks sheet names, exact
header rows, frozen header, autofilter and figures computed by hand from the test's inputs
(amounts there are fen; here yuan). Nothing here comes from kam's code.

usage: check_credit_workbooks.py DIR
"""
import math
import os
import sys

import openpyxl

DIR = sys.argv[1]
failures = []


def same(got, expected):
    if isinstance(expected, float) and isinstance(got, (int, float)):
        return math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12)
    return got == expected



def as_written(expected, got):
    """kam writes dates and received times as Excel dates (SPEC §8 Workbooks); openpyxl reads
    them as datetime. Compared with the text a reader sees under the cell's format."""
    import datetime
    if isinstance(got, datetime.datetime) and isinstance(expected, str):
        return got.strftime("%Y-%m-%d" if len(expected) == 10 else "%Y-%m-%d %H:%M")
    return got

def check(what, got, expected):
    got = as_written(expected, got)
    if isinstance(expected, list) and isinstance(got, list) and len(got) == len(expected):
        ok = all(same(g, e) for g, e in zip(got, expected))
    else:
        ok = same(got, expected)
    if not ok:
        failures.append(f"{what}: got {got!r}, expected {expected!r}")


def load(name):
    return openpyxl.load_workbook(os.path.join(DIR, name))


def rows(ws):
    return [[c.value for c in r] for r in ws.iter_rows(min_row=2)]


def table(wb, sheet, header, expected_rows=None):
    ws = wb[sheet]
    check(f"{sheet} header", [c.value for c in ws[1]], header)
    check(f"{sheet} frozen", ws.freeze_panes, "A2")
    check(f"{sheet} autofilter", bool(ws.auto_filter.ref), True)
    if expected_rows is not None:
        got = rows(ws)
        check(f"{sheet} row count", len(got), len(expected_rows))
        for i, (g, e) in enumerate(zip(got, expected_rows)):
            if isinstance(g, list) and isinstance(e, list):
                g = [as_written(x, y) for x, y in zip(e, g)] + g[len(e):]
            check(f"{sheet} row {i + 2}", g, e)
    return ws


def overview_text(wb):
    return "\n".join(str(c.value) for r in wb["概览"].iter_rows() for c in r if c.value is not None)


def overview_value(wb, label):
    for r in wb["概览"].iter_rows():
        if r[0].value == label:
            return [c.value for c in r[1:] if c.value is not None]
    failures.append(f"概览 has no line {label!r}")
    return None


ASSESS = ["客户编码", "客户名称", "期初应收", "本期销售额", "本期回款", "回款率", "应收余额", "逾期金额", "逾期率",
          "评估等级", "核定等级", "执行额度", "额度来源", "额度使用率", "状态"]
WARN = ["客户编码", "客户名称", "客户经理", "应收余额", "逾期金额", "执行额度", "超限金额", "额度来源", "额度使用率", "核定等级", "状态"]
HYPER = '=HYPERLINK("http://x","y")'

# 2026Q2. C1: opening 400, sales 1,000, collected 900 → 900/1,400; ratio 38/950 = 0.04 → 2; approved
# 1,000 → 950/1,000 = 0.95 预警. C2: rate 100/1,000 = 0.1 → 3; proposal (B = 2025-12, ttm 12,000,
# grade 1 from 2025Q4, 现款 1.2) 12,000 × 2 × 1.2 / 12 = 2,400 → 3,000/2,400 = 1.25 超限.
# C3 all zero: blank grade, limit 0 → 正常, source and utilisation blank. C4 only an opening 50:
# rate 0 → 3. C6 −100 on an approved 1,000 → −0.1 正常. C7 sales 200, nothing collected → 3.
# C8 receivable 50 with no limit → 无额度.
CREDIT_Q2 = [
    ["C1", "甲公司", 400.0, 1000.0, 900.0, 900 / 1400, 950.0, 38.0, 0.04, 2, 2, 1000.0, "核定", 0.95, "预警"],
    ["C2", "乙公司", 1000.0, 0.0, 100.0, 0.1, 3000.0, 900.0, 0.3, 3, 3, 2400.0, "未批复", 1.25, "超限"],
    ["C3", "丙公司", 0.0, 0.0, 0.0, None, 0.0, 0.0, 0.0, None, None, 0.0, None, None, "正常"],
    ["C4", None, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3, 3, 0.0, None, None, "正常"],
    ["C6", None, 0.0, 0.0, 0.0, None, -100.0, 0.0, 0.0, 1, 1, 1000.0, "核定", -0.1, "正常"],
    ["C7", HYPER, 0.0, 200.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3, 3, 0.0, None, None, "正常"],
    ["C8", None, 0.0, 0.0, 0.0, None, 50.0, 0.0, 0.0, 1, 1, 0.0, None, None, "无额度"],
]

wb = load("credit_2026Q2.xlsx")
check("credit Q2 sheets", wb.sheetnames, ["概览", "资信评估", "超限预警", "核定等级变动", "数据来源"])
ws = table(wb, "资信评估", ASSESS, CREDIT_Q2)
check("C7 name is text", ws["B7"].data_type, "s")
check("money format", ws["C2"].number_format, "#,##0.00")
check("ratio format", ws["F2"].number_format, "0.0%")
check("conditional formats on 资信评估", len(ws.conditional_formatting) > 0, True)
table(wb, "超限预警", WARN, [
    ["C2", "乙公司", "王芳", 3000.0, 900.0, 2400.0, 600.0, "未批复", 1.25, 3, "超限"],
    ["C1", "甲公司", "(未指定)", 950.0, 38.0, 1000.0, None, "核定", 0.95, 2, "预警"],
])
# Previous half-year end 2025Q4: C1 and C2 grade 1 (nothing due, nothing overdue).
table(wb, "核定等级变动", ["客户编码", "客户名称", "原核定等级", "新核定等级"], [["C1", "甲公司", 1, 2], ["C2", "乙公司", 1, 3]])
check("Q2 customers", overview_value(wb, "客户数"), [7])
check("Q2 receivable total", overview_value(wb, "应收余额合计"), [950.0 + 3000.0 - 100.0 + 50.0])
check("Q2 over/warning/no limit", [overview_value(wb, f"{s}客户数") for s in ("超限", "预警", "无额度")], [[1], [1], [1]])
check("Q2 title", wb.properties.title, "HG01 华东化工有限公司 2026Q2 客户资信报表")

# 2026Q3 without a receivables file: rows are Q2's non-zero balances; everything judged is blank.
# C2's Q3 proposal: B = 2026-03, ttm Apr 2025–Mar 2026 = 12,000; grade 1 (2026Q1 approved = 2025Q4's);
# terms from 2026Q1 (none) 1.0 → 12,000 × 2 / 12 = 2,000.
wb = load("credit_2026Q3.xlsx")
check("credit Q3 sheets", wb.sheetnames, ["概览", "资信评估", "超限预警", "数据来源"])
got = rows(table(wb, "资信评估", ASSESS))
check("Q3 ids", [r[0] for r in got], ["C1", "C2", "C6", "C8"])
check("Q3 C2", got[1], ["C2", "乙公司", 3000.0, 0.0, None, None, None, None, None, None, 3, 2000.0, "未批复", None, "未报送"])
check("Q3 statuses", [r[14] for r in got], ["未报送"] * 4)
check("Q3 assessed blank", [r[9] for r in got], [None] * 4)
check("Q3 overview says missing", "缺失" in overview_text(wb) and "receivables" in overview_text(wb), True)

# 资信额度申请表 2026Q3 (quarterly: B = March 2026): K 8,600,000.00 × 2.0 × 0.9 / 12 = 1,290,000.00.
wb = load("proposal_2026Q3.xlsx")
check("proposal sheets", wb.sheetnames, ["概览", "建议额度", "数据来源"])
# 现行额度 = 2026Q2's 执行额度: K approved at 1,000,000.00 (核定) → 增减 +290,000.00; L's 2026Q2
# proposal is 0 (no sales), so no 额度来源 and no change.
table(wb, "建议额度", ["客户编码", "客户名称", "近12月销售额", "核定等级", "额度月数", "付款方式", "付款方式系数", "现行额度",
                      "现行额度来源", "建议额度", "增减", "核定额度", "审批人"], [
    ["K", "大客户K", 8600000.0, 1, 2.0, "承兑汇票", 0.9, 1000000.0, "核定", 1290000.0, 290000.0, None, None],
    ["L", None, 0.0, 1, 2.0, None, 1.0, 0.0, None, 0.0, 0.0, None, None],
])
check("current limit total", overview_value(wb, "现行额度合计 (2026Q2)"), [1000000.0])
# The general manager's block: 审批意见 / 签字 / 日期 labelled, left blank to be written in.
ov = wb["概览"]
labels = [r[0].value for r in ov.iter_rows()]
check("approval block", [x for x in labels if x in ("总经理审批", "审批意见", "签字", "日期")], ["总经理审批", "审批意见", "签字", "日期"])
for label in ("审批意见", "签字", "日期"):
    r = labels.index(label) + 1
    check(f"{label} left blank", ov.cell(row=r, column=2).value, None)
    check(f"{label} has room to write", (ov.row_dimensions[r].height or 0) >= 24, True)
check("approval deadline", [as_written("2026-06-24", v) for v in overview_value(wb, "审批截止日期")], ["2026-06-24"])
# Deadlines are Excel dates, not text (SPEC §8 Workbooks).
dates = [c for r in wb["概览"].iter_rows() if r[0].value in ("申请日期", "审批截止日期") for c in r[1:2]]
check("proposal dates are Excel dates", [(c.is_date, c.number_format) for c in dates], [(True, "yyyy-mm-dd")] * 2)
check("basis month", overview_value(wb, "销售基准月"), ["2026-03"])

# 客户拜访记录及分析 2026Q2: grades A1 A, B1 B, C1 C; B1 approved credit grade 3 → 2 + 1.
wb = load("visits_2026Q2.xlsx")
check("visit sheets", wb.sheetnames, ["概览", "拜访达标", "拜访记录", "拜访人统计", "拜访目的分布", "未知客户拜访", "数据来源"])
table(wb, "拜访达标", ["客户编码", "客户名称", "等级", "核定资信等级", "应拜访次数", "实际拜访次数", "是否达标",
                      "销售代表拜访", "销售主管拜访", "公司领导拜访", "半年度高层拜访"], [
    ["A1", "甲", "A", None, 3, 3, "达标", 3, 0, 0, "达标"],
    ["B1", "乙", "B", 3, 3, 2, "未达标", 0, 2, 0, "达标"],
    ["C1", "丙", "C", None, 1, 0, "未达标", 0, 0, 0, None],
    ["K1", "档案客户", None, None, 0, 1, "达标", 0, 1, 0, None],
])
table(wb, "拜访记录", ["日期", "客户编码", "客户名称", "拜访人", "职务", "拜访目的", "备注"], [
    ["2026-04-01", "A1", "甲", "张三", "销售代表", "产品销售", None],
    ["2026-04-02", "B1", "乙", "李四", "销售主管", "客情建设", None],
    ["2026-04-03", "K1", "档案客户", "李四", "销售主管", "客户指导", None],
    ["2026-05-01", "A1", "甲", "张三", "销售代表", "市场维护", None],
    ["2026-05-02", "B1", "乙", "李四", "销售主管", None, None],
    ["2026-06-01", "A1", "甲", "张三", "销售代表", "随访", None],
])
# Visit dates are Excel dates (date filters work), ids text in the format `@` (SPEC §8 Workbooks).
check("visit date is an Excel date", (wb["拜访记录"]["A2"].is_date, wb["拜访记录"]["A2"].number_format), (True, "yyyy-mm-dd"))
check("visit 客户编码 format", wb["拜访记录"]["B2"].number_format, "@")
table(wb, "拜访人统计", ["拜访人", "职务", "拜访次数", "覆盖客户数"], [["张三", "销售代表", 4, 2], ["李四", "销售主管", 3, 2]])
table(wb, "拜访目的分布", ["拜访目的", "拜访次数", "占比"], [
    ["产品销售", 1, 1 / 7], ["市场维护", 1, 1 / 7], ["客情建设", 1, 1 / 7], ["信息收集", 1, 1 / 7], ["客户指导", 1, 1 / 7],
    ["随访", 1, 1 / 7], ["未填写", 1, 1 / 7],
])
table(wb, "未知客户拜访", ["日期", "客户编码", "拜访人", "职务", "拜访目的", "备注"],
      [["2026-05-03", "X9", "张三", "销售代表", "信息收集", None]])
check("required total", overview_value(wb, "应拜访次数合计"), [7])

# 客户档案维护情况 2026Q2: F4 new, F3 removed, F1's phone changed; completeness 7/7, 6/7, 3/7.
wb = load("files_2026Q2.xlsx")
check("file sheets", wb.sheetnames, ["概览", "新增档案", "删除档案", "档案变更", "档案完整度", "无档案客户", "信用代码校验错误", "数据来源"])
REC = ["客户编码", "客户名称", "统一社会信用代码", "行业", "区域", "客户经理"]
table(wb, "新增档案", REC, [["F4", "新客户", "91350100M000100Y44", "医药", None, None]])
table(wb, "删除档案", REC, [["F3", "甲公司", "91350100M000100Y43", "化工", "华东", "李四"]])
table(wb, "档案变更", ["客户编码", "客户名称", "字段", "原值", "新值"], [["F1", "甲公司", "联系电话", "13800000000", "13900000000"]])
table(wb, "档案完整度", ["客户编码", "客户名称", "完整度", "已填字段数", "应填字段数", "缺失字段"], [
    ["F1", "甲公司", 1.0, 7, 7, None],
    ["F2", "乙公司", 6 / 7, 6, 7, "统一社会信用代码"],
    ["F4", "新客户", 3 / 7, 3, 7, "区域、联系人、联系电话、客户经理"],
])
table(wb, "无档案客户", ["客户编码", "客户名称", "本期销售额"], [["S1", "无档案客户", 7.0]])
table(wb, "信用代码校验错误", ["客户编码", "客户名称", "统一社会信用代码"], [["F4", "新客户", "91350100M000100Y44"]])
check("overall completeness", overview_value(wb, "档案完整度"), [16 / 21])

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("OK")
