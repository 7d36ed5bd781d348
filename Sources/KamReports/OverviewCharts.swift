import KamPolicy

/// What the 概览 charts share, so every workbook draws the same picture the same way.
enum OverviewCharts {
    /// A bar per customer stays readable up to about ten bars on half a page.
    static let topCustomers = 10
    /// Yuan on a chart axis without fen: the cells beside the chart keep the exact figure.
    static let yuanFormat = "#,##0"
    static let grades: [CustomerGrade] = [.a, .b, .c]
}
