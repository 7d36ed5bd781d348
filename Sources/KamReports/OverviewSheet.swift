import KamPolicy
import XLSXWriter

/// Builds the 概览 sheet top to bottom: a title, labelled key figures, charts with their figures,
/// the version block and notes.
final class OverviewSheet {
    private let sheet: Worksheet
    private let writer: SheetWriter
    private(set) var row = 0
    /// Everything written in column A so far: labels can be longer than the default width
    /// (`半年度高层拜访(进度) 已完成 / 待完成`), and a label cut off by its value is unreadable.
    private var columnATexts: [String] = []
    /// Regular (not bold) text in column A: chart categories such as customer names.
    private var columnAPlainTexts: [String] = []
    static let labelWidth = 24.0
    static let valueWidth = 30.0
    static let otherWidth = 22.0
    /// Row spans that should print on one page (a chart and its figures, the lineage heading).
    private var keepTogether: [ClosedRange<Int>] = []
    /// The width set on each column, to work out the print scale.
    private var widths: [Int: Double] = [:]

    init(writer: SheetWriter) throws {
        self.writer = writer
        sheet = try writer.workbook.addWorksheet(named: "概览")
        // One column at a time: libxlsxwriter keys column settings by their first column, so
        // `context` can only widen A if each was set on its own.
        for (column, width) in [Self.labelWidth, Self.valueWidth, Self.otherWidth, Self.otherWidth, Self.otherWidth].enumerated() {
            try setWidth(column, width)
        }
        // Fit to width, as every sheet: a fixed scale computed from Excel's column metrics
        // cut the right-hand columns off in LibreOffice, whose default font is wider.
        try sheet.setPrintLayout(repeatHeaderRow: nil, header: "&L" + HeaderFooterText.literal(writer.printHeader),
                                 footer: SheetWriter.pageFooter)
    }

    private func setWidth(_ column: Int, _ width: Double) throws {
        widths[column] = width
        try sheet.setColumns(column, column, width: width)
    }

    /// libxlsxwriter's default chart height in pixels, and the default row height in pixels.
    static let chartPixels = 288.0
    static let rowPixels = 20.0
    /// A bar chart of ten customers needs more height than the default to label every bar.
    static let barScale = 1.4
    /// Charts start in column C, beside their two-column figures in A and B, and their 480
    /// pixels span columns C to E, so 概览 prints as wide as its lineage table.
    static let chartColumn = 2

    /// The title, then — for a workbook built while an input was missing — the red banner that
    /// says what is missing, first thing a reader sees (SPEC §8 "Incomplete data").
    func title(_ text: String) throws {
        // A revision says so where a reader looks first: `… 客户销售报表 第2版` and the reason below.
        let revised = writer.revision > 1
        try sheet.write(revised ? "\(text) 第\(writer.revision)版" : text, row: row, column: 0, style: ReportStyles.title)
        row += 1
        if revised {
            let reason = "修订原因：" + writer.revisionReason
            columnATexts.append("修订原因：")
            try sheet.write(reason, row: row, column: 0, style: ReportStyles.label)
            row += 1
        }
        if !writer.missingInputs.isEmpty {
            let banner = ReportContext.bannerLead + writer.missingInputs.joined(separator: "、")
            columnATexts.append(ReportContext.bannerLead)
            try sheet.write(banner, row: row, column: 0, style: ReportStyles.banner)
            row += 1
        }
        row += 1
    }

    func section(_ text: String) throws {
        if row > 0 { row += 1 }
        try sheet.write(text, row: row, column: 0, style: ReportStyles.section)
        try sheet.writeBlank(row: row, column: 1, style: ReportStyles.section)
        row += 1
    }

    /// A label in column A and its value(s) from column B on.
    func line(_ label: String, _ values: Cell...) throws {
        columnATexts.append(label)
        try sheet.write(label, row: row, column: 0, style: ReportStyles.label)
        for (i, v) in values.enumerated() { try writer.write(v, to: sheet, row: row, column: 1 + i, boxed: false) }
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
    func context(_ c: ReportContext) throws {
        try section("版本")
        keepTogether.append(row - 1...row + 6)
        try line("报表", .text(c.job.workbookName))
        try line("报送单位", .text(c.ownerTitle))
        try line("期间", .text(c.period.description))
        try line("截止时间", .dateTime(c.fireTime))
        try line("版本", .integer(c.revision))
        try line("版本说明", .text(c.revisionReason))
        try line(DataSourcesSheet.name, .text("见工作表「\(DataSourcesSheet.name)」(\(c.inputs.count) 个输入文件)"))
        if !c.notes.isEmpty {
            try section("提示")
            for note in c.notes { try line("注意", .text(note)) }
        }
        // Written last, so column A is sized once, here.
        try setWidth(0, max(Self.labelWidth, ColumnWidth.fit(columnATexts, bold: true), ColumnWidth.fit(columnAPlainTexts)))
        // Page breaks that keep each chart whole, placed for the scale fit-to-width gives in
        // Excel's metrics. LibreOffice honours them; Excel ignores manual breaks on a
        // fit-to-page sheet and breaks by itself.
        let layout = PrintedPage(columnWidths: widths.sorted { $0.key < $1.key }.map(\.value))
        try sheet.setPageBreaks(beforeRows: layout.breaks(keepingTogether: keepTogether))
    }

    /// A chart with the figures it draws written beside it (category in column A, value in B),
    /// so the picture references real cells a reader can check, copy or print. Writes
    /// `(无数据)` and no chart when there is nothing to draw.
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
        guard !points.isEmpty else {
            try sheet.write("(无数据)", row: top + 1, column: 0)
            row = top + 2
            return
        }
        let chart = try writer.workbook.addChart(kind)
        chart.setTitle(title)
        try chart.addSeries(name: header.value,
                            categories: CellRange(sheet: sheet.name, column: 0, rows: (top + 1)...(top + points.count)),
                            values: CellRange(sheet: sheet.name, column: 1, rows: (top + 1)...(top + points.count)),
                            // Ten value labels beside long bars overlap; the figures are in column B.
                            dataLabels: kind != .bar, labelNumberFormat: kind == .pie ? nil : valueFormat)
        if let axes {
            chart.setCategoryAxisName(axes.category)
            chart.setValueAxisName(axes.value)
        }
        if let valueFormat { chart.setValueAxisNumberFormat(valueFormat) }
        if kind == .bar { chart.reverseCategories() }
        chart.setLegend(kind == .pie ? .right : .none)
        let yScale = kind == .bar ? Self.barScale : 1
        keepTogether.append(top - 1...top + Int((Self.chartPixels * yScale / Self.rowPixels).rounded(.up)))
        try sheet.insert(chart, row: top, column: Self.chartColumn, yScale: yScale)
        // The rows the chart covers, plus one row of air before the next section.
        let chartRows = Int((Self.chartPixels * yScale / Self.rowPixels).rounded(.up)) + 1
        row = top + max(points.count + 2, chartRows)
    }
}
