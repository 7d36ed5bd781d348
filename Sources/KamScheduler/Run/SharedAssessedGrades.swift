import KamPolicy
import KamStore

/// The run's `AssessedGradesShare`: a quarter's assessed grades are handed from one credit
/// workbook of a subsidiary to the next through `SharedInputs` when they were assessed from the
/// same files. An assessment reads the sales of the quarter's three months and the receivables
/// snapshots of the quarter and the one before (`CreditInputs.assessedGrades`, SPEC §4.2), so
/// those files — or their absence from the build's scope: a month outside a workbook's window
/// counts as no sales there — are the key. Two workbooks whose windows differ (资信额度申请表 for
/// the next quarter reaches three months less far back than 客户资信报表) therefore share the
/// quarters both see whole and assess the others themselves.
struct SharedAssessedGrades: AssessedGradesShare {
    let shared: SharedInputs
    let subsidiary: String
    /// The files the workbook's scope reads.
    let files: SubsidiaryFiles
    let position: Int

    func grades(in quarter: Period, assess: () throws(MoneyOverflow) -> [String: CreditGrade])
        throws(MoneyOverflow) -> [String: CreditGrade] {
        try shared.assessedGrades(subsidiary, key: key(quarter), for: position, assess: assess)
    }

    /// `2026Q3|sales 11,11,12|receivables 40,31`: "-" for a month or quarter without a file in scope.
    func key(_ quarter: Period) -> String {
        func id(_ s: Submission?) -> String { s?.id.map(String.init) ?? "-" }
        let sales = quarter.months.map { id(files.sales[$0]) }.joined(separator: ",")
        let receivables = [quarter, quarter.previous].map { id(files.quarters[.receivables]?[$0]) }.joined(separator: ",")
        return "\(quarter)|sales \(sales)|receivables \(receivables)"
    }
}
