/// The cross-tier check of SPEC §4.5: a subsidiary's totals in the management workbook equal
/// those in its own workbook for the same P and revision. The 概览 of 汇总分析表 states the
/// outcome (e.g. 4/4 一致), so a reader never has to trust the consolidation blindly.
public struct Reconciliation: Sendable, Equatable {
    /// One result per subsidiary of the summary, in its order.
    public let results: [ReconciliationResult]

    /// Compares each row of `summary` with the totals of the subsidiary of the same code.
    /// Revisions are compared only when both sides state one.
    public init(summary: LineSummary, subsidiaryTotals: [SubsidiaryReportTotals]) {
        let byCode = Dictionary(subsidiaryTotals.map { ($0.subsidiaryCode, $0) }, uniquingKeysWith: { a, _ in a })
        results = summary.subsidiaries.map { s in
            guard let t = byCode[s.subsidiaryCode] else {
                return ReconciliationResult(subsidiaryCode: s.subsidiaryCode, subsidiaryName: s.subsidiaryName,
                                            revision: s.salesReportRevision, differences: [], isUnmatched: true)
            }
            var pairs: [(ReconciledFigure, Int64, Int64)] = [
                (.sales, s.sales, t.sales),
                (.previousSales, s.previousSales, t.previousSales),
                (.lastYearSales, s.lastYearSales, t.lastYearSales),
                (.customers, Int64(s.customers), Int64(t.customers)),
                (.activeCustomers, Int64(s.activeCustomers), Int64(t.activeCustomers)),
                (.gradeA, Int64(s.gradeA), Int64(t.gradeA)),
                (.gradeB, Int64(s.gradeB), Int64(t.gradeB)),
                (.gradeC, Int64(s.gradeC), Int64(t.gradeC)),
                (.keyAccounts, Int64(s.keyAccounts), Int64(t.keyAccounts)),
            ]
            if let m = s.salesReportRevision, let r = t.revision { pairs.append((.revision, Int64(m), Int64(r))) }
            let differences = pairs.filter { $0.1 != $0.2 }
                .map { ReconciliationResult.Difference(figure: $0.0, management: $0.1, subsidiary: $0.2) }
            return ReconciliationResult(subsidiaryCode: s.subsidiaryCode, subsidiaryName: s.subsidiaryName,
                                        revision: t.revision ?? s.salesReportRevision, differences: differences)
        }
    }

    public var consistentCount: Int { results.filter(\.isConsistent).count }
    public var isConsistent: Bool { results.allSatisfy(\.isConsistent) }
}
