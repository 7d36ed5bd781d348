import KamPolicy
import XLSXWriter

/// Builds the 概览 sheet: the title (with 第N版 and why) and banner across the top, then two
/// columns — on the left the labelled key figures, the figures each chart draws and the version
/// block; on the right the charts, stacked — so that it prints on one page at a readable scale
/// (SPEC §8 Workbooks). Every figure has its own label: no bare numbers side by side.
final class OverviewSheet {
    private let sheet: Worksheet
    private let writer: SheetWriter
    /// The next row of the left-hand column (labels and figures).
    private(set) var row = 0
    /// The next free row of the right-hand column (charts); nil until the first chart.
    private var chartRow: Int?
    /// The rows the charts take, for the printed height.
    private var chartBottom = 0
    /// Everything written in column A so far: labels can be longer than the default width
    /// (`半年度高层拜访(进度) 待完成`), and a label cut off by its value is unreadable.
    private var columnATexts: [String] = []
    /// Regular (not bold) text in column A: chart categories such as customer names.
    private var columnAPlainTexts: [String] = []
    static let labelWidth = 24.0
    static let valueWidth = 30.0
    /// Air between the figures and the charts.
    static let gapWidth = 2.0
    /// Where the left-hand column's rows start below the title block.
    private var bodyTop = 0
    /// The banner's row and text, to give it the height its wrapped lines need once column A's
    /// width is known.
    private var banner: (row: Int, text: String)?

    init(writer: SheetWriter) throws {
        self.writer = writer
        sheet = try writer.workbook.addWorksheet(named: "概览")
        // One column at a time: libxlsxwriter keys column settings by their first column, so
        // `context` can only widen A if each was set on its own.
        for (column, width) in [Self.labelWidth, Self.valueWidth, Self.gapWidth].enumerated() {
            try sheet.setColumns(column, column, width: width)
        }
        try sheet.setPrintLayout(repeatHeaderRow: nil, header: "&L" + HeaderFooterText.literal(writer.printHeader),
                                 footer: SheetWriter.pageFooter)
        try sheet.fitToOnePage()
    }

    /// libxlsxwriter's default chart size in pixels, and the default row height in pixels.
    static let chartPixels = 288.0
    static let chartWidthPixels = 480.0
    static let rowPixels = 20.0
    /// A bar chart of ten customers needs more height than the default to label every bar.
    static let barScale = 1.4
    /// Charts stand in column D, right of the figures in A and B and the gap in C.
    static let chartColumn = 3

    /// The title — `… 客户销售报表 第2版` for a revision, with its reason on the next line —
    /// then, for a workbook built while an input was missing, the red banner that says what is
    /// missing: the first things a reader sees (SPEC §8 "Incomplete data", Workbooks).
    func title(_ text: String) throws {
        let revised = writer.revision > 1
        // Which revision and why are not content (`VisibleContent`): every rebuild changes them.
        try VisibleContent.excluding(sheet) {
            try sheet.write(revised ? "\(text) 第\(writer.revision)版" : text, row: row, column: 0, style: ReportStyles.title)
        }
        row += 1
        if revised {
            let reason = "修订原因：" + writer.revisionReason
            columnATexts.append("修订原因：")
            try VisibleContent.excluding(sheet) { try sheet.write(reason, row: row, column: 0, style: ReportStyles.label) }
            row += 1
        }
        if !writer.missingInputs.isEmpty {
            let banner = ReportContext.bannerLead + writer.missingInputs.joined(separator: "、")
            columnATexts.append(ReportContext.bannerLead)
            try sheet.write(banner, row: row, column: 0, style: ReportStyles.banner)
            self.banner = (row, banner)
            row += 1
        }
        row += 1
        bodyTop = row
    }

    func section(_ text: String) throws {
        if row > bodyTop { row += 1 }
        try sheet.write(text, row: row, column: 0, style: ReportStyles.section)
        try sheet.writeBlank(row: row, column: 1, style: ReportStyles.section)
        row += 1
    }

    /// A label in column A and its one value in column B: money in 元 (`1,234.50 元`), and text
    /// wrapped within the column rather than running under the charts.
    func line(_ label: String, _ value: Cell) throws {
        columnATexts.append(label)
        try sheet.write(label, row: row, column: 0, style: ReportStyles.label)
        switch value {
        case .money(let f): try sheet.write(Double(f) / 100, row: row, column: 1, style: ReportStyles.overviewMoney)
        case .text(let s):
            try sheet.write(s, row: row, column: 1, style: ReportStyles.wrappedText)
            // Neither Excel nor LibreOffice grows a row for wrapped text written by a library:
            // without a height, only the middle line of a long note shows.
            let lines = Int((Double(ColumnWidth.units(s)) / (Self.valueWidth - 2)).rounded(.up))
            if lines > 1 { try sheet.setRowHeight(row, height: Self.textLinePoints * Double(lines)) }
        default: try writer.write(value, to: sheet, row: row, column: 1, boxed: false)
        }
        row += 1
    }

    /// A label and a status text coloured by conditional formatting like the data sheets'
    /// status columns (each (text, style) pair applies when the cell equals the text).
    func statusLine(_ label: String, _ status: String, colours: [(String, CellStyle)]) throws {
        let at = row
        try line(label, .text(status))
        for (text, style) in colours {
            try sheet.highlight(cellsEqualTo: text, firstRow: at, firstColumn: 1, lastRow: at, lastColumn: 1, style: style)
        }
    }

    /// Labelled boxes left empty for a hand to fill in on the printout (an approval's 审批意见,
    /// 签字, 日期), each `lines` rows of writing tall.
    func blanksToFillIn(_ fields: [(label: String, lines: Int)]) throws {
        for field in fields {
            columnATexts.append(field.label)
            try sheet.write(field.label, row: row, column: 0, style: ReportStyles.label)
            try sheet.writeBlank(row: row, column: 1, style: ReportStyles.text)
            try sheet.setRowHeight(row, height: Self.writingLinePoints * Double(field.lines))
            row += 1
        }
    }

    /// A line of 11-point text, in points (Excel's default row height).
    static let textLinePoints = 15.0

    /// A line of handwriting, in points.
    static let writingLinePoints = 24.0

    /// 批复状态 of one quarter's limits (SPEC §4.6): the status (逾期批复 amber, 未批复 red), the
    /// proposal date, the deadline and when the approval arrived.
    func approvalLines(_ a: ApprovalTimeliness) throws {
        try statusLine("额度批复状态 (\(a.quarter))", a.status.rawValue, colours: ReportStyles.approvalColours)
        try line("申请日期", .date(a.proposalDate))
        try line("批复截止日期", .date(a.deadline))
        try line("批复接收时间", Cell.optionalDateTime(a.received))
    }

    /// The version block at the end of 概览 (who, which period, as of when, which revision and
    /// why) and the notes; the input files themselves are listed on the last sheet, 数据来源.
    /// Sizes column A and picks the page orientation once everything is written.
    func context(_ c: ReportContext) throws {
        try section("版本")
        try line("报表", .text(c.job.workbookName))
        try line("报送单位", .text(c.ownerTitle))
        try line("期间", .text(c.period.description))
        try line("截止时间", .dateTime(c.fireTime))
        try VisibleContent.excluding(sheet) {
            try line("版本", .integer(c.revision))
            try line("版本说明", .text(c.revisionReason))
            try line(DataSourcesSheet.name, .text("见工作表「\(DataSourcesSheet.name)」(\(c.inputs.count) 个输入文件)"))
        }
        if !c.notes.isEmpty {
            try section("提示")
            for note in c.notes { try line("注意", .text(note)) }
        }
        let labelWidth = max(Self.labelWidth, ColumnWidth.fit(columnATexts, bold: true), ColumnWidth.fit(columnAPlainTexts))
        try sheet.setColumns(0, 0, width: labelWidth)
        if let banner {
            let lines = Int((Double(ColumnWidth.units(banner.text)) * ColumnWidth.boldFactor / (labelWidth - 2)).rounded(.up))
            if lines > 1 { try sheet.setRowHeight(banner.row, height: Self.textLinePoints * Double(lines)) }
        }
        // One page either way (fit to one page); upright when that prints it larger, as a
        // 概览 with three charts does.
        let width = PrintedPage.pixels(ofColumns: [labelWidth, Self.valueWidth, Self.gapWidth])
            + (chartRow == nil ? 0 : Self.chartWidthPixels)
        let height = Double(max(row, chartBottom)) * Self.rowPixels
        if PrintedPage(landscape: false).scale(width: width, height: height)
            > PrintedPage(landscape: true).scale(width: width, height: height) {
            try sheet.setPortrait()
        }
    }

    /// A chart on the right-hand column, with the figures it draws in A and B on the left
    /// (category, value), so the picture references real cells a reader can check, copy or
    /// print. Writes `(无数据)` and no chart when there is nothing to draw.
    /// - Parameters:
    ///   - points: category and value, in the order the chart shows them.
    ///   - axes: category and value axis names (ignored by a pie).
    func chart(_ kind: Chart.Kind, title: String, header: (category: String, value: String), points: [(String, Cell)],
               axes: (category: String, value: String)? = nil, valueFormat: String? = nil) throws {
        try section(title)
        let top = row
        try sheet.write(header.category, row: top, column: 0, style: ReportStyles.header)
        try sheet.write(header.value, row: top, column: 1, style: ReportStyles.header)
        for (i, point) in points.enumerated() {
            columnAPlainTexts.append(point.0)
            try sheet.write(point.0, row: top + 1 + i, column: 0, style: ReportStyles.text)
            try writer.write(point.1, to: sheet, row: top + 1 + i, column: 1, boxed: true)
        }
        row = top + 1 + max(points.count, 1)
        guard !points.isEmpty else {
            try sheet.write("(无数据)", row: top + 1, column: 0)
            return
        }
        let chart = try writer.workbook.addChart(kind)
        try chart.setTitle(title)
        try chart.addSeries(name: header.value,
                            categories: CellRange(sheet: sheet.name, column: 0, rows: (top + 1)...(top + points.count)),
                            values: CellRange(sheet: sheet.name, column: 1, rows: (top + 1)...(top + points.count)),
                            // Ten value labels beside long bars overlap; the figures are in column B.
                            dataLabels: kind != .bar, labelNumberFormat: kind == .pie ? nil : valueFormat)
        if let axes {
            try chart.setCategoryAxisName(axes.category)
            try chart.setValueAxisName(axes.value)
        }
        if let valueFormat { try chart.setValueAxisNumberFormat(valueFormat) }
        if kind == .bar { try chart.reverseCategories() }
        try chart.setLegend(kind == .pie ? .right : .none)
        let yScale = kind == .bar ? Self.barScale : 1
        let at = chartRow ?? bodyTop
        try sheet.insert(chart, row: at, column: Self.chartColumn, yScale: yScale)
        // The rows the chart covers, plus one row of air before the next chart.
        chartBottom = at + Int((Self.chartPixels * yScale / Self.rowPixels).rounded(.up))
        chartRow = chartBottom + 1
    }
}
