internal import CXLSXWriter

/// A chart owned by its workbook (`workbook_add_chart`); it shows nothing until a worksheet
/// inserts it. Series point at cell ranges, so the figures behind a picture stay readable.
/// libxlsxwriter copies every string it is given, so the `withXMLSafeCString` closures here are
/// enough; they also make every title, name and sheet reference XML-safe (`XMLSafeText`).
public final class Chart {
    /// The chart types the reports use; each maps to one `LXW_CHART_*`.
    public enum Kind: Sendable {
        /// Horizontal bars: long category names (customers) stay readable.
        case bar
        /// Vertical columns: few categories (grades, subsidiaries).
        case column
        case pie
        case line

        var raw: UInt8 {
            switch self {
            case .bar: UInt8(LXW_CHART_BAR.rawValue)
            case .column: UInt8(LXW_CHART_COLUMN.rawValue)
            case .pie: UInt8(LXW_CHART_PIE.rawValue)
            case .line: UInt8(LXW_CHART_LINE.rawValue)
            }
        }
    }

    public enum LegendPosition: Sendable {
        case none, right, bottom

        var raw: UInt8 {
            switch self {
            case .none: UInt8(LXW_CHART_LEGEND_NONE.rawValue)
            case .right: UInt8(LXW_CHART_LEGEND_RIGHT.rawValue)
            case .bottom: UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)
            }
        }
    }

    /// Freed by libxlsxwriter when the workbook closes: reached only through `live()`.
    private let raw: UnsafeMutablePointer<lxw_chart>
    public let kind: Kind
    /// The workbook that owns the chart (held, as a sheet holds its own).
    let workbook: Workbook

    init(handle: UnsafeMutablePointer<lxw_chart>, kind: Kind, workbook: Workbook) {
        self.raw = handle
        self.kind = kind
        self.workbook = workbook
    }

    /// The chart's handle while its workbook is open; after `Workbook.close()` it was freed, so
    /// any further call is refused.
    func live() throws(XLSXError) -> UnsafeMutablePointer<lxw_chart> {
        guard !workbook.isClosed else { throw XLSXError.closed("chart", path: workbook.path) }
        return raw
    }

    /// Wraps `chart_add_series` then `chart_series_set_categories` / `chart_series_set_values`
    /// (and `chart_series_set_name`): one series of `values` labelled by `categories`.
    /// - Parameter dataLabels: show each point's value (a pie also shows its percentage).
    public func addSeries(name: String?, categories: CellRange, values: CellRange, dataLabels: Bool = false,
                          labelNumberFormat: String? = nil) throws(XLSXError) {
        let handle = try live()
        guard let series = chart_add_series(handle, nil, nil) else {
            throw XLSXError(operation: "chart_add_series", code: -1, message: "could not add series")
        }
        categories.sheet.withXMLSafeCString {
            chart_series_set_categories(series, $0, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
                                        lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
        }
        values.sheet.withXMLSafeCString {
            chart_series_set_values(series, $0, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
                                    lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        }
        if let name { name.withXMLSafeCString { chart_series_set_name(series, $0) } }
        if dataLabels {
            chart_series_set_labels(series)
            if kind == .pie {
                chart_series_set_labels_options(series, 0, 1, 0)
                chart_series_set_labels_percentage(series)
                chart_series_set_labels_leader_line(series)
            }
            if let labelNumberFormat { labelNumberFormat.withXMLSafeCString { chart_series_set_labels_num_format(series, $0) } }
        }
    }

    /// Wraps `chart_title_set_name`.
    public func setTitle(_ title: String) throws(XLSXError) {
        let handle = try live()
        title.withXMLSafeCString { chart_title_set_name(handle, $0) }
    }

    /// Wraps `chart_axis_set_name` on the category axis (the vertical one of a bar chart).
    public func setCategoryAxisName(_ name: String) throws(XLSXError) {
        guard let axis = categoryAxis(of: try live()) else { return }
        name.withXMLSafeCString { chart_axis_set_name(axis, $0) }
    }

    /// Wraps `chart_axis_set_name` on the value axis (the horizontal one of a bar chart).
    public func setValueAxisName(_ name: String) throws(XLSXError) {
        guard let axis = valueAxis(of: try live()) else { return }
        name.withXMLSafeCString { chart_axis_set_name(axis, $0) }
    }

    /// Wraps `chart_axis_set_num_format` on the value axis, e.g. `#,##0` for yuan.
    public func setValueAxisNumberFormat(_ format: String) throws(XLSXError) {
        guard let axis = valueAxis(of: try live()) else { return }
        format.withXMLSafeCString { chart_axis_set_num_format(axis, $0) }
    }

    /// Wraps `chart_axis_set_reverse` on the category axis: a bar chart then lists its first
    /// category (rank 1) at the top, as the table beside it does. `chart_axis_set_crossing_max`
    /// keeps the value axis at the bottom, where it would otherwise follow the reversal to the top.
    public func reverseCategories() throws(XLSXError) {
        guard let axis = categoryAxis(of: try live()) else { return }
        chart_axis_set_reverse(axis)
        chart_axis_set_crossing_max(axis)
    }

    /// Wraps `chart_legend_set_position`.
    public func setLegend(_ position: LegendPosition) throws(XLSXError) {
        chart_legend_set_position(try live(), position.raw)
    }

    /// libxlsxwriter's `x_axis` is the horizontal axis and `y_axis` the vertical one: for a bar
    /// chart (categories drawn vertically) the category axis is therefore `y_axis`. A pie has
    /// no axes: nil. Takes the live handle, so no axis is reached after the workbook closed.
    private func categoryAxis(of handle: UnsafeMutablePointer<lxw_chart>) -> UnsafeMutablePointer<lxw_chart_axis>? {
        kind == .pie ? nil : kind == .bar ? handle.pointee.y_axis : handle.pointee.x_axis
    }
    private func valueAxis(of handle: UnsafeMutablePointer<lxw_chart>) -> UnsafeMutablePointer<lxw_chart_axis>? {
        kind == .pie ? nil : kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis
    }
}
