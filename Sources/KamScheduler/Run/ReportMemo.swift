import Foundation
import KamPolicy
import KamStore

/// The per-subsidiary figures a consolidated workbook shows, computed once. 汇总分析表 shows each
/// subsidiary's 客户销售报表 and its credit warnings, 客户档案及拜访分析 each subsidiary's file and
/// visit figures — the same figures those subsidiaries' own workbooks were built from. At group
/// scale recomputing them was most of a quarter close (every subsidiary's 24-month history and
/// snapshots loaded and evaluated again), and most of a run after one late file. So the jobs
/// hand them over: within a run through memory, across runs through the store's report cache.
///
/// Figures are keyed by what they were computed from: the subsidiary, the period, the ids of the
/// accepted files the producing job's scope reads now (from the run's `SubmissionIndex`), the
/// config file's fingerprint and the kam build. A consumer asks with the same scope, so it gets
/// figures only when it would have computed the very same ones; otherwise it computes them.
///
/// Memory stays bounded: the run tells the memo (`expect`) how many of its planned builds will
/// ask for each figure, and a figure is kept in memory only until the last of them has asked.
/// Shared by the writer threads: two threads may compute the same figures at once — both
/// results are equal, one is kept.
final class ReportMemo: @unchecked Sendable {
    // @unchecked: `figures` and `uses` are only read and written under `lock`; the rest is immutable.
    private let index: SubmissionIndex
    private let store: KamStore
    private let fingerprint: String
    private let lock = NSLock()
    private var figures: [Key: any Sendable] = [:]
    private var uses: [Use: Int] = [:]

    enum Kind: String, Hashable, Sendable { case sales, credit, visits, files, groupCredit }

    /// One build's request for one subsidiary's figures: which, for whom, for which period.
    struct Use: Hashable, Sendable {
        let kind: Kind
        let subsidiary: String
        let period: Period
    }

    private struct Key: Hashable {
        let use: Use
        let computedFrom: String
    }

    init(index: SubmissionIndex, store: KamStore, configFingerprint: String) {
        self.index = index
        self.store = store
        self.fingerprint = "\(configFingerprint)|\(BuildIdentity.current)"
    }

    /// Counts the requests the run's planned builds will make; figures nobody else asks for are not kept in memory.
    func expect(_ planned: [Use]) {
        lock.withLock { for use in planned { uses[use, default: 0] += 1 } }
    }

    /// 客户销售报表's figures for `period`: sales over its trailing 24 months.
    func salesReport(_ subsidiary: String, _ period: Period, compute: () throws -> SalesReport) throws -> SalesReport {
        try share(key(.sales, subsidiary, period), compute)
    }

    /// 客户资信报表's warnings for `quarter`, as 汇总分析表 lists them.
    func creditWarnings(_ subsidiary: String, _ quarter: Period,
                        compute: () throws -> [SubsidiaryCreditWarning]) throws -> [SubsidiaryCreditWarning] {
        try share(key(.credit, subsidiary, quarter), compute)
    }

    /// 客户资信报表's counts and customer figures for `quarter`, as 客户档案及拜访分析's group credit
    /// view (hq-quarterly) shows them.
    func groupCredit(_ subsidiary: String, _ quarter: Period,
                     compute: () throws -> SubsidiaryGroupCredit) throws -> SubsidiaryGroupCredit {
        try share(key(.groupCredit, subsidiary, quarter), compute)
    }

    /// 客户拜访记录及分析's figures for `quarter`, as 客户档案及拜访分析 shows them.
    func visitFigures(_ subsidiary: String, _ quarter: Period,
                      compute: () throws -> SubsidiaryVisitFigures) throws -> SubsidiaryVisitFigures {
        try share(key(.visits, subsidiary, quarter), compute)
    }

    /// 客户档案维护情况's figures for `quarter`, as 客户档案及拜访分析 shows them.
    func fileFigures(_ subsidiary: String, _ quarter: Period,
                     compute: () throws -> SubsidiaryFileFigures) throws -> SubsidiaryFileFigures {
        try share(key(.files, subsidiary, quarter), compute)
    }

    /// The producing job, which computed the full report for its own workbook, hands over what
    /// the consolidation shows. Counts as one use.
    func produced<Figures: CachedFigures>(_ kind: Kind, _ subsidiary: String, _ period: Period, _ value: Figures) {
        _ = try? share(key(kind, subsidiary, period), { value }, recompute: true)
    }

    /// What the producing job of `kind` reads for `period`: its files are the figures' key.
    private static func scope(_ kind: Kind, _ period: Period) -> SubsidiaryInputs.Scope {
        switch kind {
        case .sales: SalesReportJob.salesScope(period)
        case .credit, .groupCredit: CreditReportJob.scope(period)
        case .visits: VisitReportJob.scope(period)
        case .files: FileMaintenanceJob.scope(period)
        }
    }

    private func key(_ kind: Kind, _ subsidiary: String, _ period: Period) -> Key {
        // The same resolution the producing job's `ResolvedInputs` makes for this scope.
        let files = index.resolve(subsidiary, Self.scope(kind, period)).submissions
        let ids = files.compactMap(\.id).sorted().map(String.init).joined(separator: ",")
        return Key(use: Use(kind: kind, subsidiary: subsidiary, period: period), computedFrom: "\(fingerprint)|\(ids)")
    }

    /// Each call is one use: figures come from memory, else from the store's cache, else are
    /// computed and cached; they stay in memory only while more uses are expected. With
    /// `recompute` (the producer, which has just computed them) the cache is written, not read.
    private func share<Figures: CachedFigures>(_ key: Key, _ compute: () throws -> Figures,
                                               recompute: Bool = false) throws -> Figures {
        let (known, more) = lock.withLock { () -> ((any Sendable)?, Bool) in
            let left = max(0, (uses[key.use] ?? 0) - 1)
            uses[key.use] = left
            let known = figures[key]
            if left == 0 { figures[key] = nil }
            return (known, left > 0)
        }
        if !recompute, let known = known as? Figures { return known }
        let value: Figures
        let cached = recompute ? nil : store.cachedFigures(Figures.self, kind: key.use.kind.rawValue, subsidiary: key.use.subsidiary,
                                                           period: key.use.period, computedFrom: key.computedFrom)
        if let cached {
            value = cached
        } else {
            value = try compute()
            // A cache that cannot be written only costs a recomputation later.
            try? store.cacheFigures(value, kind: key.use.kind.rawValue, subsidiary: key.use.subsidiary, period: key.use.period,
                                    computedFrom: key.computedFrom)
        }
        if more { lock.withLock { figures[key] = value } }
        return value
    }
}
