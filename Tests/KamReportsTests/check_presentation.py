#!/usr/bin/python3
"""Reads every workbook kind written by WorkbookPresentationTests and checks how it presents,
independently of kam's code: number formats by column header, frozen header, autofilter over
exactly the data, conditional-format ranges and colours, print setup, document properties,
column widths against Python's own East-Asian-width count of the displayed text, the 概览
charts (openpyxl drops charts on load, so they are read from the xlsx zip: chart parts, the
drawing 概览 references, series ranges on 概览 cells) and input text stored as plain strings.

usage: check_presentation.py DIR
"""
import datetime
import math
import os
import re
import sys
import unicodedata
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

DIR = sys.argv[1]
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
    if got != expected:
        failures.append(f"{what}: got {got!r}, expected {expected!r}")


def require(what, ok):
    if not ok:
        failures.append(what)


MONEY = {"本期销售额", "上期销售额", "去年同期销售额", "本期毛利", "近12月销售额", "期初应收", "本期回款", "应收余额",
         "逾期金额", "执行额度", "本年销售额", "上年销售额", "本年毛利", "建议额度"}
RATIO = {"环比", "同比", "毛利率", "回款率", "逾期率", "额度使用率", "占比", "增长率", "拜访达标率", "档案完整率",
         "A类拜访达标率", "B类拜访达标率", "C类拜访达标率", "完整度"}
TEXT_IDS = {"客户编码", "分公司", "统一社会信用代码"}
RED, AMBER, GREEN = "9C0006", "9C5700", "006100"

# (file, sheet, status header) → {text: font colour}; checked when the sheet has data rows.
COLOURS = {
    ("sales.xlsx", "客户排名", "等级变动"): {"降级": RED, "升级": GREEN},
    ("sales.xlsx", "等级变动", "等级变动"): {"降级": RED, "升级": GREEN},
    ("credit_2026Q2.xlsx", "资信评估", "状态"): {"超限": RED, "预警": AMBER, "无额度": AMBER},
    ("credit_2026Q2.xlsx", "超限预警", "状态"): {"超限": RED, "预警": AMBER},
    ("line.xlsx", "分公司汇总", "提交状态"): {"未报送": RED, "逾期": AMBER},
    ("line.xlsx", "资信预警", "状态"): {"超限": RED, "预警": AMBER},
    ("line.xlsx", "报表核对", "核对结果"): {"不一致": RED},
    ("hq.xlsx", "报送情况", "提交状态"): {"未报送": RED, "逾期": AMBER},
    ("hq.xlsx", "档案与拜访", "额度批复"): {"缺失": RED},
    ("review.xlsx", "大客户评价", "评价建议"): {"终止": RED, "加强": GREEN},
    ("visits_2026Q2.xlsx", "拜访达标", "是否达标"): {"未达标": RED},
}

# The 概览 charts: (type, title) in drawing order.
CHARTS = {
    "sales.xlsx": [("bar", "前十大客户 本期销售额"), ("column", "客户等级分布")],
    "line.xlsx": [("column", "各分公司本期销售额"), ("bar", "重点客户前十 本期销售额"), ("column", "客户等级分布")],
    # Its only subsidiary's P is missing: no sales-by-subsidiary bars (SPEC §8 "Incomplete data").
    "line_monthly.xlsx": [("column", "客户等级分布")],
    "credit_2026Q2.xlsx": [("column", "资信状态分布")],
    "visits_2026Q2.xlsx": [("pie", "拜访目的分布")],
    "review.xlsx": [("column", "评价建议分布")],
    "proposal_2026Q3.xlsx": [],
    "files_2026Q2.xlsx": [],
    "hq.xlsx": [],
}

CREATED = {name: 1_790_000_000 for name in ["sales.xlsx", "line.xlsx", "line_monthly.xlsx", "hq.xlsx", "review.xlsx"]}
CREATED.update({name: 1_783_292_400 for name in ["credit_2026Q2.xlsx", "proposal_2026Q3.xlsx", "visits_2026Q2.xlsx",
                                                  "files_2026Q2.xlsx"]})

TRICKY = ['=HYPERLINK("http://x","y")', "+86 138 0000 0000", "-", "@SUM(A1)", "=1+1"]
TRICKY_IN = {"sales.xlsx": TRICKY, "line.xlsx": TRICKY[:1], "review.xlsx": TRICKY[:1], "credit_2026Q2.xlsx": TRICKY[:1]}


def units(text):
    """Display width: East Asian Wide/Fullwidth 2, combining 0, others 1; the widest line."""
    def line(s):
        return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
    return max(line(part) for part in str(text).split("\n"))


def two_line_units(text):
    """The longer line of `text` wrapped onto two lines as evenly as possible, breaking beside a
    wide character or after a space, hyphen or slash (where spreadsheet programs break)."""
    wide = lambda c: unicodedata.east_asian_width(c) in "WF"
    best = units(text)
    for i in range(1, len(text)):
        if wide(text[i - 1]) or wide(text[i]) or text[i - 1] in " -/":
            best = min(best, max(units(text[:i]), units(text[i:])))
    return best


def shown(cell):
    """A cell's text as displayed under the formats kam uses."""
    v, fmt = cell.value, cell.number_format
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if fmt == "#,##0.00":
        return f"{v:,.2f}"
    if fmt == "0.0%":
        return f"{v * 100:.1f}%"
    if fmt == "0.00":
        return f"{v:.2f}"
    if fmt == "0":
        return f"{v:.0f}"
    if fmt == "yyyy-mm-dd":
        return v.strftime("%Y-%m-%d")
    if fmt == "yyyy-mm-dd hh:mm":
        return v.strftime("%Y-%m-%d %H:%M")
    return str(v)


def check_table(name, ws):
    where = f"{name} {ws.title}"
    headers = [c.value for c in ws[1]]
    last = get_column_letter(len(headers))
    check(f"{where} frozen", ws.freeze_panes, "A2")
    check(f"{where} autofilter", ws.auto_filter.ref, f"A1:{last}{max(ws.max_row, 2)}")
    check(f"{where} print titles", ws.print_title_rows, "$1:$1")
    require(f"{where} header has no empty cell", all(isinstance(h, str) and h for h in headers))
    for col, header in enumerate(headers, start=1):
        letter = get_column_letter(col)
        cells = [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)]
        for c in cells:
            if c.value is None:
                continue
            if header in MONEY and isinstance(c.value, (int, float)):
                check(f"{where} {c.coordinate} ({header}) format", c.number_format, "#,##0.00")
            if header in RATIO and isinstance(c.value, (int, float)):
                check(f"{where} {c.coordinate} ({header}) format", c.number_format, "0.0%")
            if header in TEXT_IDS:
                check(f"{where} {c.coordinate} ({header}) type", c.data_type, "s")
                if header in ("客户编码", "统一社会信用代码"):
                    check(f"{where} {c.coordinate} ({header}) text format", c.number_format, "@")
        width = ws.column_dimensions[letter].width
        widest = max([units(shown(c)) for c in cells] + [0])
        # The cell's text fits (capped at 50), and the header fits beside the filter button.
        require(f"{where} column {letter} ({header}) width {width} < text {widest}", width >= min(widest, 48))
        # The header may wrap onto two lines (SPEC §8 Workbooks): its longer line fits beside the
        # filter button, and the column is no wider than its data or that two-line header needs.
        require(f"{where} column {letter} ({header}) width {width} < header {two_line_units(header)} + button",
                width >= min(two_line_units(header) + 2, 48))
        if header != "SHA-256":
            need = max(widest + 2, math.ceil(two_line_units(header) * 1.1) + 4, 6)
            require(f"{where} column {letter} ({header}) width {width} wider than its data or header need ({need})",
                    width <= min(need, 50) + 1)
        if width < math.ceil(units(header) * 1.1) + 4:
            require(f"{where} row 1 height {ws.row_dimensions[1].height} holds no two-line header ({header})",
                    (ws.row_dimensions[1].height or 0) >= 30)
        # libxlsxwriter stores a width of 50 as 50.71 (its pixel rounding). A SHA-256 on 数据来源
        # is read whole or not at all: its 64 characters fit.
        if header == "SHA-256":
            require(f"{where} column {letter} width {width} cuts the hash ({widest})", width >= widest)
        else:
            require(f"{where} column {letter} width {width} over the cap", width <= 51)


def check_colours(name, wb):
    for (file, sheet, header), expected in COLOURS.items():
        if file != name:
            continue
        ws = wb[sheet]
        if ws.max_row < 2:
            continue
        col = get_column_letter([c.value for c in ws[1]].index(header) + 1)
        want_range = f"{col}2:{col}{ws.max_row}" if ws.max_row > 2 else f"{col}2"
        found = {}
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                text = rule.formula[0].strip('"') if rule.formula else None
                found[text] = (str(cf.sqref), rule.operator, rule.dxf.font.color.rgb[-6:] if rule.dxf and rule.dxf.font else None)
        for text, colour in expected.items():
            check(f"{name} {sheet} conditional format {text}", found.get(text), (want_range, "equal", colour))
    # A fall stands out: negative 环比 and 同比 in red on 客户排名 (rule "cell < 0").
    if name == "sales.xlsx":
        ws = wb["客户排名"]
        rules = [(str(cf.sqref), r.operator, r.formula[0] if r.formula else None,
                  r.dxf.font.color.rgb[-6:] if r.dxf and r.dxf.font else None)
                 for cf in ws.conditional_formatting for r in cf.rules]
        for col in ("F", "H"):
            want = f"{col}2:{col}{ws.max_row}" if ws.max_row > 2 else f"{col}2"
            check(f"{name} 客户排名 negative {col} red", (want, "lessThan", "0", RED) in rules, True)
    # A customers not all visited as the policy requires: A类拜访达标率 below 100% in red.
    if name == "hq.xlsx":
        ws = wb["档案与拜访"]
        col = get_column_letter([c.value for c in ws[1]].index("A类拜访达标率") + 1)
        rules = [(str(cf.sqref), r.operator, r.formula[0] if r.formula else None,
                  r.dxf.font.color.rgb[-6:] if r.dxf and r.dxf.font else None)
                 for cf in ws.conditional_formatting for r in cf.rules]
        want = f"{col}2:{col}{ws.max_row}" if ws.max_row > 2 else f"{col}2"
        check(f"{name} 档案与拜访 A类拜访达标率 < 1 red", (want, "lessThan", "1", RED) in rules, True)


def check_print(name, ws, data_sheet):
    where = f"{name} {ws.title}"
    check(f"{where} paper", str(ws.page_setup.paperSize), "9")
    footer = ws.oddFooter.center.text or ""
    require(f"{where} footer has page numbers: {footer!r}", "&P" in footer and "&N" in footer)
    require(f"{where} header names the owner", bool(ws.oddHeader.left.text))
    if data_sheet:
        check(f"{where} header names the sheet", ws.oddHeader.right.text, ws.title)
        check(f"{where} orientation", ws.page_setup.orientation, "landscape")
        # Fit to width only at 70% or more of full size (A4 landscape less 0.7 in margins, a
        # column of w units 7w + 5 pixels); wider sheets print across pages at full size with
        # their first (id, name) columns repeated (SPEC §8 Workbooks).
        pixels = sum(ws.column_dimensions[get_column_letter(i)].width * 7 + 5 for i in range(1, ws.max_column + 1))
        if (11.69 - 1.4) * 96 / pixels >= 0.70:
            check(f"{where} fit to page", ws.sheet_properties.pageSetUpPr.fitToPage, True)
            check(f"{where} fit to width", ws.page_setup.fitToWidth in (None, 1), True)  # absent means 1
            check(f"{where} pages tall", ws.page_setup.fitToHeight, 0)
        else:
            fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else False
            check(f"{where} fit to page ({pixels:.0f} pixels wide)", bool(fit), False)
            # The columns up to the last …名称 among the first five say whose row it is.
            names = [i for i, h in enumerate([c.value for c in ws[1]][:5]) if str(h).endswith("名称")]
            check(f"{where} repeated columns", ws.print_title_cols, f"$A:${get_column_letter((names[-1] if names else 0) + 1)}")
    else:
        # 概览 prints on one page (SPEC §8 Workbooks), upright or across, whichever is larger.
        check(f"{where} fit to page", ws.sheet_properties.pageSetUpPr.fitToPage, True)
        check(f"{where} one page wide", ws.page_setup.fitToWidth in (None, 1), True)
        check(f"{where} one page tall", ws.page_setup.fitToHeight in (None, 1), True)
        require(f"{where} orientation {ws.page_setup.orientation}", ws.page_setup.orientation in ("landscape", "portrait"))


def check_charts(name, wb, z):
    """概览 is sheet1: its drawing must hold the expected charts, each series on 概览 cells."""
    names = z.namelist()
    expected = CHARTS[name]
    charts = sorted(n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
    check(f"{name} chart parts", len(charts), len(expected))
    if not expected:
        return
    rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    drawing = re.search(r'Target="\.\./drawings/(drawing\d+\.xml)"', rels)
    require(f"{name} 概览 references no drawing", drawing is not None)
    if drawing is None:
        return
    require(f"{name} 概览 has no <drawing> element", "<drawing " in z.read("xl/worksheets/sheet1.xml").decode())
    drels = z.read(f"xl/drawings/_rels/{drawing.group(1)}.rels").decode()
    targets = re.findall(r'Target="\.\./charts/(chart\d+\.xml)"', drels)
    check(f"{name} charts in 概览's drawing", len(targets), len(expected))
    overview = wb["概览"]
    # No page break falls inside a chart: a break at row b starts a page with 0-based row b.
    dxml = z.read(f"xl/drawings/{drawing.group(1)}").decode()
    spans = [(int(a), int(b)) for a, b in re.findall(r"<xdr:from><xdr:col>\d+</xdr:col><xdr:colOff>-?\d+</xdr:colOff>"
                                                      r"<xdr:row>(\d+)</xdr:row>.*?<xdr:to>.*?<xdr:row>(\d+)</xdr:row>", dxml, re.S)]
    check(f"{name} chart anchors", len(spans), len(expected))
    breaks = [b.id for b in overview.row_breaks.brk]
    for first, last in spans:
        require(f"{name} 概览 page break inside the chart at rows {first}-{last}: {breaks}",
                not any(first < b <= last for b in breaks))
    for target, (kind, title) in zip(targets, expected):
        xml = z.read(f"xl/charts/{target}").decode()
        where = f"{name} {target}"
        if kind == "pie":
            require(f"{where} is not a pie", "<c:pieChart>" in xml)
        else:
            require(f"{where} is not a {kind} chart", f'<c:barDir val="{"bar" if kind == "bar" else "col"}"/>' in xml)
        titles = re.findall(r"<c:title>.*?</c:title>", xml, re.S)
        require(f"{where} title {title!r} missing", titles and title in "".join(re.findall(r"<a:t>(.*?)</a:t>", titles[0])))
        if kind != "pie":
            require(f"{where} has no axis names", len(titles) == 3)
        refs = [(m[0], m[1], m[2], m[3] or m[1], m[4] or m[2])
                for m in re.findall(r"<c:f>'?([^'!<]+)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?</c:f>", xml)]
        check(f"{where} series ranges", len(refs), 3 if "<c:tx><c:strRef>" in xml else 2)
        cat = [r for r in refs if r[1] == "A"]
        val = [r for r in refs if r[1] == "B"]
        require(f"{where} categories not in 概览!A", len(cat) == 1 and cat[0][0] == "概览")
        require(f"{where} values not in 概览!B", len(val) == 1 and val[0][0] == "概览")
        if cat and val:
            first, last = int(cat[0][2]), int(cat[0][4])
            check(f"{where} value rows", (int(val[0][2]), int(val[0][4])), (first, last))
            for r in range(first, last + 1):
                require(f"{where} 概览!A{r} is not a category", isinstance(overview.cell(row=r, column=1).value, str))
                require(f"{where} 概览!B{r} is not a number", isinstance(overview.cell(row=r, column=2).value, (int, float)))
            header = overview.cell(row=first - 1, column=1).value
            require(f"{where} figures have no header row above them ({header!r})", isinstance(header, str))


def check_overview(name, wb):
    """概览's figures are labelled one by one: nothing right of column B (charts are drawings,
    not cells), money carries its unit 元, text figures wrap instead of running under a chart."""
    ov = wb["概览"]
    for row in ov.iter_rows():
        for c in row[2:]:
            require(f"{name} 概览!{c.coordinate} holds {c.value!r}: a figure without its own label", c.value is None)
        label, value = row[0], row[1] if len(row) > 1 else None
        if value is None or value.value is None or not (label.font and label.font.b):
            continue
        if isinstance(value.value, float) and value.number_format.startswith("#,##0.00"):
            check(f"{name} 概览!{value.coordinate} ({label.value}) unit", value.number_format, '#,##0.00" 元"')
        if isinstance(value.value, str):
            check(f"{name} 概览!{value.coordinate} ({label.value}) wraps", value.alignment.wrap_text, True)
            # A wrapped text is only readable if its row is tall enough for its lines (nothing
            # grows the row by itself): about 28 width units per line in column B.
            lines = math.ceil(units(value.value) / 28)
            if lines > 1:
                height = ov.row_dimensions[value.row].height or 15
                require(f"{name} 概览 row {value.row} ({label.value}) {height} pt for {lines} lines", height >= 15 * lines)


def check_workbook(name):
    path = os.path.join(DIR, name)
    wb = openpyxl.load_workbook(path)
    z = zipfile.ZipFile(path)
    check(f"{name} first sheet", wb.sheetnames[0], "概览")
    check(f"{name} last sheet", wb.sheetnames[-1], "数据来源")
    props = wb.properties
    require(f"{name} has no title", bool(props.title))
    require(f"{name} has no subject", bool(props.subject))
    check(f"{name} created", props.created,
          datetime.datetime.fromtimestamp(CREATED[name], datetime.timezone.utc).replace(tzinfo=None))
    require(f"{name} has no company", "<Company>测试集团</Company>" in z.read("docProps/app.xml").decode())
    for sheet_xml in [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]:
        require(f"{name} {sheet_xml} has a formula", "<f>" not in z.read(sheet_xml).decode())
    for ws in wb.worksheets:
        require(f"{name} sheet name {ws.title!r} is invalid",
                len(ws.title) <= 31 and not any(c in ws.title for c in "[]:*?/\\"))
        check_print(name, ws, ws.title != "概览")
        if ws.title != "概览":
            check_table(name, ws)
    check_colours(name, wb)
    check_charts(name, wb, z)
    check_overview(name, wb)
    cells = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    cells.setdefault(c.value, c)
    for text in TRICKY_IN.get(name, []):
        c = cells.get(text)
        require(f"{name}: {text!r} not found as a cell", c is not None)
        if c is not None:
            check(f"{name} {c.parent.title}!{c.coordinate} type", c.data_type, "s")


def check_revision():
    """sales.xlsx is revision 2: its title, every printed page header and the line below the
    title say so and why (SPEC §8 Workbooks)."""
    wb = openpyxl.load_workbook(os.path.join(DIR, "sales.xlsx"))
    ov = wb["概览"]
    require(f"sales.xlsx title {ov['A1'].value!r} without 第2版", str(ov["A1"].value).endswith(" 第2版"))
    check("sales.xlsx reason under the title", ov["A2"].value, "修订原因：更正销售明细")
    for ws in wb.worksheets:
        require(f"sales.xlsx {ws.title} page header without 第2版: {ws.oddHeader.left.text!r}",
                (ws.oddHeader.left.text or "").endswith(" 第2版"))


def check_owner_text():
    """An owner with `&`, `[` and `/` prints as written: ampersands doubled in the header code."""
    ws = openpyxl.load_workbook(os.path.join(DIR, "sales.xlsx"))["客户排名"]
    xml = zipfile.ZipFile(os.path.join(DIR, "sales.xlsx")).read("xl/worksheets/sheet2.xml").decode()
    header = re.search(r"<oddHeader>(.*?)</oddHeader>", xml).group(1)
    require(f"sales.xlsx header does not double the owner's ampersand: {header!r}", "A&amp;&amp;B[化工]/华东" in header)
    ov = {r[0]: r[1:] for r in openpyxl.load_workbook(os.path.join(DIR, "sales.xlsx"))["概览"].iter_rows(values_only=True) if r[0]}
    check("sales.xlsx 报送单位", ov.get("报送单位", [None])[0], "HG01 A&B[化工]/华东")
    check("sales.xlsx 客户排名 width of the 20-character name column", ws.column_dimensions["C"].width >= 42, True)


for name in sorted(CHARTS):
    check_workbook(name)
check_owner_text()
check_revision()

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"OK {len(CHARTS)} workbooks")
