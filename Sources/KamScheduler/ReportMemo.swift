import Foundation
import KamPolicy
import KamStore

/// The per-subsidiary reports one run has already computed. A group workbook (汇总分析表,
/// 客户档案及拜访分析) shows each subsidiary's sales, credit, visit and file figures — the same
/// reports that subsidiary's own workbooks were built from a moment earlier in the run. At group
/// scale recomputing them was most of a quarter close (every subsidiary's 24-month history and
/// snapshots loaded and evaluated again), so the jobs hand their reports over through this memo.
///
/// A report is keyed by what it was computed from: the subsidiary, the period, and the ids of the
/// accepted files the producing job's scope reads now (from the run's `SubmissionIndex`). A
/// consumer asks with the same scope, so it gets the report only when it would have computed
/// the very same one; otherwise it computes its own.
///
/// Memory stays bounded: the run tells the memo (`expect`) how many of its planned builds will
/// ask for each report, and a report is kept only until the last of them has asked — a
/// quarter's visit and file reports live from their own workbooks until 客户档案及拜访分析,
/// not for the whole run. Shared by the writer threads: two threads may compute the same report
/// at once — both results are equal, one is kept.
final class ReportMemo: @unchecked Sendable {
    // @unchecked: `reports` and `uses` are only read and written under `lock`; `index` is immutable.
    private let index: SubmissionIndex
    private let lock = NSLock()
    private var reports: [Key: any Sendable] = [:]
    private var uses: [Use: Int] = [:]

    enum Kind: Hashable, Sendable { case sales, credit, visits, files }

    /// One build's request for one report: which, for whom, for which period.
    struct Use: Hashable, Sendable {
        let kind: Kind
        let subsidiary: String
        let period: Period
    }

    private struct Key: Hashable {
        let use: Use
        let inputs: [Int64]
    }

    init(index: SubmissionIndex) {
        self.index = index
    }

    /// Counts the requests the run's planned builds will make; reports nobody else asks for are not kept.
    func expect(_ planned: [Use]) {
        lock.withLock { for use in planned { uses[use, default: 0] += 1 } }
    }

    /// 客户销售报表's figures for `period`: sales over its trailing 24 months.
    func salesReport(_ subsidiary: String, _ period: Period, compute: () throws -> SalesReport) throws -> SalesReport {
        let files = index.effectiveSales(subsidiary, months: period.trailingTwentyFourMonths)
        return try value(Key(use: Use(kind: .sales, subsidiary: subsidiary, period: period), inputs: Self.ids(files)), compute)
    }

    /// 客户资信报表's figures for `quarter` (`CreditReportJob.scope`).
    func creditReport(_ subsidiary: String, _ quarter: Period, compute: () throws -> CreditReport) throws -> CreditReport {
        try value(key(.credit, subsidiary, quarter, CreditReportJob.scope(quarter)), compute)
    }

    /// 客户拜访记录及分析's figures for `quarter` (`VisitReportJob.scope`).
    func visitReport(_ subsidiary: String, _ quarter: Period, compute: () throws -> VisitReport) throws -> VisitReport {
        try value(key(.visits, subsidiary, quarter, VisitReportJob.scope(quarter)), compute)
    }

    /// 客户档案维护情况's figures for `quarter` (`FileMaintenanceJob.scope`).
    func fileMaintenance(_ subsidiary: String, _ quarter: Period,
                         compute: () throws -> FileMaintenanceReport) throws -> FileMaintenanceReport {
        try value(key(.files, subsidiary, quarter, FileMaintenanceJob.scope(quarter)), compute)
    }

    private func key(_ kind: Kind, _ subsidiary: String, _ period: Period, _ scope: SubsidiaryInputs.Scope) -> Key {
        Key(use: Use(kind: kind, subsidiary: subsidiary, period: period),
            inputs: Self.ids(SubsidiaryInputs.submissions(subsidiary, scope: scope, index: index)))
    }

    private static func ids(_ submissions: [Submission]) -> [Int64] {
        submissions.compactMap(\.id).sorted()
    }

    /// Each call is one use: the report is returned from the memo when known, else computed, and
    /// kept only while more uses are expected.
    private func value<Report: Sendable>(_ key: Key, _ compute: () throws -> Report) throws -> Report {
        let (known, more) = lock.withLock { () -> ((any Sendable)?, Bool) in
            let left = max(0, (uses[key.use] ?? 0) - 1)
            uses[key.use] = left
            let known = reports[key]
            if left == 0 { reports[key] = nil }
            return (known, left > 0)
        }
        if let known = known as? Report { return known }
        let report = try compute()
        if more { lock.withLock { reports[key] = report } }
        return report
    }
}
