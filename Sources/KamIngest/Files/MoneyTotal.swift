import KamPolicy

/// The sum of one money column over a file's accepted rows, for its receipt: the clerk
/// checks it against the ERP's own total before anyone reads a report.
public struct MoneyTotal: Sendable, Equatable {
    /// Canonical column name, e.g. `amount`.
    public let column: String
    /// The column's Chinese name, e.g. 金额.
    public let chinese: String
    public var fen: Fen

    public init(column: String, chinese: String, fen: Fen) {
        self.column = column
        self.chinese = chinese
        self.fen = fen
    }
}
