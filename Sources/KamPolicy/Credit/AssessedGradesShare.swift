/// Where a caller keeps a subsidiary's assessed grades between the credit workbooks that read
/// the same quarters: 资信额度申请表 (this quarter's and the next), 客户资信报表 and 客户拜访记录及分析
/// each assess every quarter back to the earliest receivables snapshot (`CreditInputs.
/// approvedGradesByQuarter`), from the same files — three or four times the same grades at a
/// quarter close (≈ 3% of the scale workspace's workbook phase, BENCHMARKS.md 2026-12-04 late night).
///
/// The rules stay pure: the grades are still `CreditInputs`' own assessment; a share only hands
/// back what an assessment of the same quarter from the same inputs gave. Telling which inputs
/// are the same (the files a quarter's months and snapshots came from) is the caller's part.
public protocol AssessedGradesShare: Sendable {
    /// The grades held for `quarter` of these inputs, else `assess()`'s (then held for the others).
    func grades(in quarter: Period, assess: () throws(MoneyOverflow) -> [String: CreditGrade])
        throws(MoneyOverflow) -> [String: CreditGrade]
}
