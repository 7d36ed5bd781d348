internal import CXLSXWriter

/// A sheet of a `Workbook`. Rows and columns are 0-based, as in libxlsxwriter.
public final class Worksheet {
    /// Freed by libxlsxwriter when the workbook closes: reached only through `live()`.
    private let raw: UnsafeMutablePointer<lxw_worksheet>
    /// Held strongly: a sheet kept past its workbook's last other reference keeps it (and its
    /// formats) alive instead of trapping.
    private let workbook: Workbook
    /// The sheet's name as given to `workbook_add_worksheet`, for chart ranges on this sheet.
    public let name: String
    /// Whether this sheet's writes go into the workbook's `recordedContent` (when the workbook
    /// records): a caller switches it off for what is not content (a revision number, a list of
    /// source files).
    public var recordsContent = true
    /// The styles this sheet used lately and their formats: a table row cycles through a few
    /// styles (text, money, ratio…), and comparing with those few is cheaper than hashing a
    /// style for every cell (see BENCHMARKS.md, "XLSXWriter wrapper overhead").
    private var recent: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>)] = []
    private static let recentLimit = 8

    init(handle: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook, name: String) {
        self.raw = handle
        self.workbook = workbook
        self.name = name
    }

    /// The sheet's handle while its workbook is open. After `Workbook.close()` libxlsxwriter has
    /// freed the sheet: writing then would be a use after free, so it is refused.
    private func live() throws(XLSXError) -> UnsafeMutablePointer<lxw_worksheet> {
        guard !workbook.isClosed else { throw XLSXError.closed("worksheet \(name)", path: workbook.path) }
        return raw
    }

    private func format(_ style: CellStyle?) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        for entry in recent where entry.style == style { return entry.format }
        let found = try workbook.format(for: style).handle
        if recent.count == Self.recentLimit { recent.removeFirst() }
        recent.append((style, found))
        return found
    }

    /// Wraps `worksheet_write_string`. The text is stored as a string cell whatever it looks
    /// like (`=HYPERLINK(...)`, `+86…`, `@…` stay text): never a formula. Characters XML forbids
    /// are written as U+FFFD (`XMLSafeText`), so the cell and any chart cache of it stay well-formed.
    public func write(_ text: String, row: Int, column: Int, style: CellStyle? = nil) throws(XLSXError) {
        let handle = try live()
        if text.isEmpty { return try writeBlank(row: row, column: column, style: style) }
        recordText(text)
        try writeString(text, row: row, column: column, handle: handle, format: try format(style))
    }

    /// `write(_:row:column:style:)` with a format resolved once by the caller
    /// (`Workbook.format(for:)`): a table's cells skip looking their style up one by one.
    public func write(_ text: String, row: Int, column: Int, format: Format) throws(XLSXError) {
        let handle = try live()
        if text.isEmpty { return try writeBlank(row: row, column: column, format: format) }
        let owned = try own(format)  // before recording: a refused cell is no content
        recordText(text)
        try writeString(text, row: row, column: column, handle: handle, format: owned)
    }

    /// Wraps `worksheet_write_number`.
    public func write(_ number: Double, row: Int, column: Int, style: CellStyle? = nil) throws(XLSXError) {
        let handle = try live()
        recordNumber(number)
        try writeNumber(number, row: row, column: column, handle: handle, format: try format(style))
    }

    /// `write(_:row:column:style:)` for a number, with a format resolved once by the caller.
    public func write(_ number: Double, row: Int, column: Int, format: Format) throws(XLSXError) {
        let handle = try live()
        let owned = try own(format)
        recordNumber(number)
        try writeNumber(number, row: row, column: column, handle: handle, format: owned)
    }

    /// Wraps `worksheet_write_blank`: an empty cell that still carries its format.
    public func writeBlank(row: Int, column: Int, style: CellStyle? = nil) throws(XLSXError) {
        let handle = try live()
        recordBlank()
        try writeBlank(row: row, column: column, handle: handle, format: try format(style))
    }

    /// `writeBlank(row:column:style:)` with a format resolved once by the caller.
    public func writeBlank(row: Int, column: Int, format: Format) throws(XLSXError) {
        let handle = try live()
        let owned = try own(format)
        recordBlank()
        try writeBlank(row: row, column: column, handle: handle, format: owned)
    }

    private func recordText(_ text: String) {
        if recordsContent, workbook.recordsContent { workbook.record(tag: 0x54, text.utf8) }
    }

    private func recordNumber(_ number: Double) {
        if recordsContent, workbook.recordsContent {
            // The number's 8 bytes, copied straight in: no array per cell on this hot path.
            withUnsafeBytes(of: number.bitPattern.littleEndian) { workbook.record(tag: 0x4E, $0) }
        }
    }

    private func recordBlank() {
        // A blank is content too: a figure blanked for missing data reads differently from 0.
        if recordsContent, workbook.recordsContent { workbook.record(tag: 0x42, []) }
    }

    /// `format`'s handle, if this sheet's workbook made it.
    private func own(_ format: Format) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        guard format.owner == ObjectIdentifier(workbook) else {
            throw XLSXError(operation: "worksheet \(name)", code: -1,
                            message: "the format belongs to another workbook: resolve it with this sheet's workbook")
        }
        return format.handle
    }

    private func writeString(_ text: String, row: Int, column: Int, handle: UnsafeMutablePointer<lxw_worksheet>,
                             format: UnsafeMutablePointer<lxw_format>?) throws(XLSXError) {
        try check(text.withXMLSafeCString { worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0, format) },
                  "worksheet_write_string(\(row),\(column))")
    }

    private func writeNumber(_ number: Double, row: Int, column: Int, handle: UnsafeMutablePointer<lxw_worksheet>,
                             format: UnsafeMutablePointer<lxw_format>?) throws(XLSXError) {
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format),
                  "worksheet_write_number(\(row),\(column))")
    }

    private func writeBlank(row: Int, column: Int, handle: UnsafeMutablePointer<lxw_worksheet>,
                            format: UnsafeMutablePointer<lxw_format>?) throws(XLSXError) {
        try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format),
                  "worksheet_write_blank(\(row),\(column))")
    }

    /// Wraps `worksheet_set_column`: width in character units.
    public func setColumns(_ first: Int, _ last: Int, width: Double, style: CellStyle? = nil) throws(XLSXError) {
        let handle = try live()
        try check(worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, try format(style)),
                  "worksheet_set_column(\(first),\(last))")
    }

    /// Wraps `worksheet_freeze_panes`: rows above `row` and columns left of `column` stay put.
    public func freezePanes(row: Int, column: Int) throws(XLSXError) {
        worksheet_freeze_panes(try live(), lxw_row_t(row), lxw_col_t(column))
    }

    /// Wraps `worksheet_ignore_errors(…, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range)`: Excel shows no
    /// green warning triangle on digit-only text (ids, phone numbers) in `range` (`B2:B120`).
    public func ignoreNumberStoredAsText(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(XLSXError) {
        let handle = try live()
        let range = CellRange.a1(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        try check(range.withXMLSafeCString { worksheet_ignore_errors(handle, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), $0) },
                  "worksheet_ignore_errors(\(range))")
    }

    /// Wraps `worksheet_autofilter`.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(XLSXError) {
        let handle = try live()
        try check(worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn),
                                       lxw_row_t(lastRow), lxw_col_t(lastColumn)), "worksheet_autofilter")
    }

    /// Landscape A4, fit to one page wide (as many pages tall as needed), the header row
    /// repeated on every page, centred, with a page header and footer
    /// (`worksheet_set_landscape`, `worksheet_set_paper`, `worksheet_fit_to_pages`,
    /// `worksheet_repeat_rows`, `worksheet_set_header`, `worksheet_set_footer`).
    /// `header` and `footer` are header/footer codes (`&L…&R…`, `&P`): pass literal text through
    /// `HeaderFooterText.literal` first; both are cut to the 255 characters Excel allows.
    /// - Parameter fitToWidth: false for a sheet that sets its own scale (`setPrintScale`),
    ///   because Excel ignores manual page breaks on a fit-to-page sheet.
    public func setPrintLayout(repeatHeaderRow: Int?, header: String?, footer: String?,
                               fitToWidth: Bool = true) throws(XLSXError) {
        let handle = try live()
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)  // A4
        if fitToWidth { worksheet_fit_to_pages(handle, 1, 0) }
        worksheet_center_horizontally(handle)
        if let r = repeatHeaderRow {
            try check(worksheet_repeat_rows(handle, lxw_row_t(r), lxw_row_t(r)), "worksheet_repeat_rows")
        }
        if let header {
            try check(HeaderFooterText.limited(header).withXMLSafeCString { worksheet_set_header(handle, $0) }, "worksheet_set_header")
        }
        if let footer {
            try check(HeaderFooterText.limited(footer).withXMLSafeCString { worksheet_set_footer(handle, $0) }, "worksheet_set_footer")
        }
    }

    /// Wraps `worksheet_insert_chart_opt`: the chart's top-left corner at the cell, scaled from
    /// libxlsxwriter's default 480 × 288 pixels.
    public func insert(_ chart: Chart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws(XLSXError) {
        let handle = try live()
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        // A chart of another workbook would be freed by that workbook's close, not this one's.
        guard chart.workbook === workbook else {
            throw XLSXError(operation: "worksheet_insert_chart_opt(\(row),\(column))", code: -1,
                            message: "the chart belongs to another workbook (\(chart.workbook.path))")
        }
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), try chart.live(), &options),
                  "worksheet_insert_chart_opt(\(row),\(column))")
    }

    /// Wraps `worksheet_fit_to_pages(1, 1)`: the whole sheet on one printed page (a summary
    /// sheet that must be read at a glance). Call after `setPrintLayout`, which fits to width only.
    public func fitToOnePage() throws(XLSXError) {
        worksheet_fit_to_pages(try live(), 1, 1)
    }

    /// Wraps `worksheet_set_portrait`: for a sheet taller than wide, which prints larger upright.
    /// Call after `setPrintLayout`, which sets landscape.
    public func setPortrait() throws(XLSXError) {
        worksheet_set_portrait(try live())
    }

    /// Wraps `worksheet_repeat_columns`: columns `first`...`last` print on every page, so a row
    /// printed across pages still says whose figures they are (the id and name columns).
    public func repeatColumns(_ first: Int, _ last: Int) throws(XLSXError) {
        try check(worksheet_repeat_columns(try live(), lxw_col_t(first), lxw_col_t(last)), "worksheet_repeat_columns")
    }

    /// Wraps `worksheet_set_print_scale` (10–400 percent).
    public func setPrintScale(_ percent: Int) throws(XLSXError) {
        worksheet_set_print_scale(try live(), UInt16(min(max(percent, 10), 400)))
    }

    /// Wraps `worksheet_set_h_pagebreaks`: each row given starts a new printed page. Replaces
    /// any breaks set before; rows ≤ 0 are dropped (0 ends libxlsxwriter's list).
    public func setPageBreaks(beforeRows rows: [Int]) throws(XLSXError) {
        let handle = try live()
        let breaks = rows.filter { $0 > 0 }.sorted().map { lxw_row_t($0) } + [0]
        guard breaks.count > 1 else { return }
        var list = breaks
        try check(worksheet_set_h_pagebreaks(handle, &list), "worksheet_set_h_pagebreaks")
    }

    /// Wraps `worksheet_set_row`: a row's height in points.
    public func setRowHeight(_ row: Int, height: Double) throws(XLSXError) {
        let handle = try live()
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "worksheet_set_row(\(row))")
    }

    /// A conditional format that applies `style` to cells in the range equal to `text`
    /// (`worksheet_conditional_format_range` with a cell-equals rule).
    /// Wraps `worksheet_conditional_format_range` with a "cell value < `value`" rule: what a
    /// reader should look at (a negative growth rate) stands out however the rows are sorted.
    public func highlight(cellsBelow value: Double, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                          style: CellStyle) throws(XLSXError) {
        let handle = try live()
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
        rule.value = value
        rule.format = try format(style)
        try check(worksheet_conditional_format_range(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn),
                                                     lxw_row_t(lastRow), lxw_col_t(lastColumn), &rule),
                  "worksheet_conditional_format_range")
    }

    public func highlight(cellsEqualTo text: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                          style: CellStyle) throws(XLSXError) {
        let handle = try live()
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        rule.format = try format(style)
        let quoted = "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        let result = quoted.withXMLSafeCString { value in
            rule.value_string = UnsafeMutablePointer(mutating: value)
            return worksheet_conditional_format_range(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn),
                                                      lxw_row_t(lastRow), lxw_col_t(lastColumn), &rule)
        }
        try check(result, "worksheet_conditional_format_range")
    }
}
