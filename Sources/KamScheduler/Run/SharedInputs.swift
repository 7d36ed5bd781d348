import Foundation
import KamIngest
import KamPolicy
import KamStore

/// The run's load stage: each subsidiary's sales history and each snapshot file are read from
/// the store once per run and handed to every build that reads the same files — a quarter
/// close's 客户销售报表 and 客户档案维护情况 read the same 24 months, its 客户资信报表,
/// 客户拜访记录及分析 and the group's consolidations the same 27 months and snapshots.
///
/// Memory stays bounded: the run declares, per planned build (by its position in the plan),
/// the loads it may make (`expect`, from each build's `ResolvedInputs`), and a loaded value is
/// kept only while another build that needs it is at most `horizon` positions away — the
/// builds in flight on the writer threads and those just ahead — and dropped when none is
/// (`release`). Kept for every later consumer instead, the scale workspace's cold run held each
/// subsidiary's 27-month history from its credit report to hq-quarterly at the end of the plan:
/// 535 MB peak against 199 MB (BENCHMARKS.md, issue 14). A later consumer beyond the horizon
/// reads the same files again, with the same result. Shared by the writer threads: two threads
/// may load the same files at once; both results are equal, one is kept.
final class SharedInputs: @unchecked Sendable {
    // @unchecked: `values` and `consumers` are only read and written under `lock`; `store` is Sendable.
    private let store: KamStore
    private let lock = NSLock()
    private var values: [Load: any Sendable] = [:]
    /// The plan positions of the builds that expect each load and are not done yet.
    private var consumers: [Load: Set<Int>] = [:]
    /// How far apart (in plan positions) two builds may be and still share a loaded value.
    let horizon: Int

    /// One thing read from the store: a subsidiary's history over exactly these (month, file)
    /// pairs, or one snapshot file's rows.
    enum Load: Hashable, Sendable {
        case salesHistory(subsidiary: String, months: [MonthFile])
        case snapshot(submissionId: Int64)
    }

    struct MonthFile: Hashable, Sendable {
        let month: Int
        let submissionId: Int64
    }

    init(store: KamStore, horizon: Int) {
        self.store = store
        self.horizon = horizon
    }

    /// The loads a build of `resolved` may make: one per declared read's history and per snapshot file.
    static func loads(of resolved: ResolvedInputs) -> Set<Load> {
        var loads = Set<Load>()
        for read in resolved.reads {
            guard let files = try? resolved.files(read.subsidiary, read.scope) else { continue }
            if !files.sales.isEmpty { loads.insert(salesLoad(read.subsidiary, files.sales)) }
            for snapshot in files.quarters.values.flatMap(\.values) {
                if let id = snapshot.id { loads.insert(.snapshot(submissionId: id)) }
            }
        }
        return loads
    }

    private static func salesLoad(_ subsidiary: String, _ sales: [YearMonth: Submission]) -> Load {
        .salesHistory(subsidiary: subsidiary, months: sales.map { MonthFile(month: $0.key.index, submissionId: $0.value.id ?? -1) }
            .sorted { ($0.month, $0.submissionId) < ($1.month, $1.submissionId) })
    }

    /// The planned build at `position` may make `loads`.
    func expect(_ loads: Set<Load>, at position: Int) {
        lock.withLock { for load in loads { consumers[load, default: []].insert(position) } }
    }

    /// The build at `position` is done (built, failed or abandoned): a value no build within
    /// the horizon still expects is dropped.
    func release(_ loads: Set<Load>, at position: Int) {
        lock.withLock {
            for load in loads {
                consumers[load]?.remove(position)
                if !hasNeighbour(load, of: position) { values[load] = nil }
                if consumers[load]?.isEmpty ?? false { consumers[load] = nil }
            }
        }
    }

    /// Whether a build other than the one at `position`, within the horizon, still expects `load`. Under `lock`.
    private func hasNeighbour(_ load: Load, of position: Int) -> Bool {
        consumers[load]?.contains { $0 != position && abs($0 - position) <= horizon } ?? false
    }

    /// The number of loaded values held now (tests: released when the last consumer is done).
    var heldCount: Int { lock.withLock { values.count } }

    func salesHistory(_ subsidiary: String, _ sales: [YearMonth: Submission], for position: Int) throws -> SalesHistory {
        try shared(Self.salesLoad(subsidiary, sales), for: position) { try store.salesHistory(effective: sales) }
    }

    func records<R: Sendable>(of submission: Submission, kind: InputKind, for position: Int) throws -> [R] {
        try shared(.snapshot(submissionId: submission.id ?? -1), for: position) { () throws -> [R] in
            let rows: any Sendable = switch kind {
            case .receivables: try store.receivables(of: submission)
            case .approvals: try store.approvals(of: submission)
            case .customers: try store.customerFiles(of: submission)
            case .visits: try store.visits(of: submission)
            case .sales: throw KamStore.NotReadable(submission: submission, expected: kind)
            }
            guard let typed = rows as? [R] else { throw KamStore.NotReadable(submission: submission, expected: kind) }
            return typed
        }
    }

    private func shared<Value: Sendable>(_ load: Load, for position: Int, _ read: () throws -> Value) throws -> Value {
        if let known = lock.withLock({ values[load] }) as? Value { return known }
        let value = try read()
        lock.withLock { if hasNeighbour(load, of: position) { values[load] = value } }
        return value
    }
}
