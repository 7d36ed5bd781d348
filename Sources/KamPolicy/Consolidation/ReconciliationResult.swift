/// One subsidiary's outcome of the cross-tier reconciliation: 一致 when every compared figure of
/// the management workbook equals the subsidiary workbook's, else the figures that differ.
public struct ReconciliationResult: Sendable, Equatable {
    public struct Difference: Sendable, Equatable {
        public var figure: ReconciledFigure
        /// The value in the line summary (fen for money, else a count or revision).
        public var management: Int64
        /// The value in the subsidiary's own workbook; nil when it has no workbook to compare.
        public var subsidiary: Int64?

        public init(figure: ReconciledFigure, management: Int64, subsidiary: Int64?) {
            self.figure = figure
            self.management = management
            self.subsidiary = subsidiary
        }
    }

    public var subsidiaryCode: String
    public var subsidiaryName: String
    /// The revision compared, when known.
    public var revision: Int?
    /// Empty when consistent.
    public var differences: [Difference]
    /// True when the subsidiary had no totals to compare with (no workbook of the same P).
    public var isUnmatched: Bool

    public init(subsidiaryCode: String, subsidiaryName: String, revision: Int?, differences: [Difference], isUnmatched: Bool = false) {
        self.subsidiaryCode = subsidiaryCode
        self.subsidiaryName = subsidiaryName
        self.revision = revision
        self.differences = differences
        self.isUnmatched = isUnmatched
    }

    public var isConsistent: Bool { !isUnmatched && differences.isEmpty }

    /// 一致 / 不一致 / 无对应报表.
    public var label: String { isUnmatched ? "无对应报表" : isConsistent ? "一致" : "不一致" }
}
