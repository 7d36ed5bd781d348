import Foundation
import KamIngest
import KamPolicy
import KamStore

/// The run's load stage: each subsidiary's sales history and each snapshot file are read from
/// the store once per run and handed to every build of that subsidiary that reads them — a
/// quarter close's 客户销售报表, 客户资信报表, 资信额度申请表, 客户档案维护情况 and 客户拜访记录及分析
/// read the same months and snapshots (issue 14).
///
/// A subsidiary's history is loaded once over the union of the months its planned builds read
/// (their files agree month by month: one `SubmissionIndex` resolved them all) and each build
/// gets its own months from it (`SalesHistory.restricted`), the history a load of just those
/// months builds. Should two builds name different files for a month, each loads its own.
///
/// Memory stays bounded: the run declares, per planned build (by its position in the build order),
/// the loads it may make (`expect`, from each build's `ResolvedInputs`), and a loaded value is
/// dropped when the last build that expects it is done (`release`). The plan puts each
/// subsidiary's own builds next to each other (`RunPipeline.buildOrder`), so at most
/// the subsidiaries being built at once are held. Consolidations, which read every subsidiary,
/// are not expected: they load what they read and keep nothing — held for them, the scale
/// workspace's cold run kept every subsidiary's history and snapshots until hq-quarterly at the
/// end of the plan (535 MB peak against 199 MB, BENCHMARKS.md, issue 14). Shared by the writer
/// threads: two threads may load the same files at once; both results are equal, one is kept.
final class SharedInputs: @unchecked Sendable {
    // @unchecked: `values` and `consumers` are only read and written under `lock`; `store` is Sendable.
    private let store: KamStore
    private let lock = NSLock()
    private var values: [Load: any Sendable] = [:]
    /// The build positions of the builds that expect each load and are not done yet.
    private var consumers: [Load: Set<Int>] = [:]

    /// One thing read from the store: a subsidiary's history over the union of the months its
    /// builds read, or one snapshot file's rows.
    enum Load: Hashable, Sendable {
        case salesHistory(subsidiary: String)
        case snapshot(submissionId: Int64)
        /// A snapshot file's rows keyed by customer_id, as the credit rules keep them
        /// (`CreditInputs.keyedByCustomer`): keyed once for all of a subsidiary's credit workbooks.
        case keyedSnapshot(submissionId: Int64)
        /// The identity fields alone of a `customers` snapshot (`KamStore.customerIdentities(of:)`):
        /// only hq-quarterly reads them, a consolidation, so no planned build expects one and none is kept.
        case customerIdentities(submissionId: Int64)
    }

    /// Per subsidiary, the file of each month some planned build reads (under `lock`).
    private var unions: [String: [YearMonth: Submission]] = [:]
    /// Subsidiaries for which two planned builds named different files for one month: each
    /// of their builds loads its own months (under `lock`).
    private var disagreeing: Set<String> = []
    /// The positions of the builds that share loads (under `lock`). A build the run did not
    /// expect (a consolidation, which reads every subsidiary) loads its own months and keeps
    /// nothing: two consolidations side by side holding all twenty subsidiaries' histories
    /// and snapshots for each other took the scale run's peak from 221 to 357 MB.
    private var sharing: Set<Int> = []
    /// Per subsidiary, assessed grades by what they were assessed from (`SharedAssessedGrades.key`),
    /// held while the subsidiary's history is (under `lock`).
    private var assessed: [String: [String: [String: CreditGrade]]] = [:]

    init(store: KamStore) {
        self.store = store
    }

    /// The loads a build of `resolved` may make: its subsidiaries' histories and its snapshot files.
    static func loads(of resolved: ResolvedInputs) -> Set<Load> {
        var loads = Set<Load>()
        for read in resolved.reads {
            guard let files = try? resolved.files(read.subsidiary, read.scope) else { continue }
            if !files.sales.isEmpty { loads.insert(.salesHistory(subsidiary: read.subsidiary)) }
            for snapshot in files.quarters.values.flatMap(\.values) {
                if let id = snapshot.id {
                    loads.insert(.snapshot(submissionId: id))
                    loads.insert(.keyedSnapshot(submissionId: id))
                }
            }
        }
        return loads
    }

    /// The planned build of `resolved` at `position`: counts its loads and adds the months it
    /// reads to its subsidiaries' unions.
    func expect(_ resolved: ResolvedInputs, at position: Int) {
        let loads = Self.loads(of: resolved)
        lock.withLock {
            sharing.insert(position)
            for load in loads { consumers[load, default: []].insert(position) }
            for read in resolved.reads {
                guard let sales = try? resolved.files(read.subsidiary, read.scope).sales else { continue }
                for (month, file) in sales {
                    if let known = unions[read.subsidiary]?[month], known.id != file.id { disagreeing.insert(read.subsidiary) }
                    unions[read.subsidiary, default: [:]][month] = file
                }
            }
        }
    }

    /// The build at `position` is done (built, failed or abandoned): a value no other planned
    /// build still expects is dropped.
    func release(_ loads: Set<Load>, at position: Int) {
        lock.withLock {
            for load in loads {
                consumers[load]?.remove(position)
                if !isExpected(load, elsewhereThan: position) {
                    values[load] = nil
                    if case .salesHistory(let subsidiary) = load { assessed[subsidiary] = nil }
                }
                if consumers[load]?.isEmpty ?? false { consumers[load] = nil }
            }
        }
    }

    /// Whether a build other than the one at `position` still expects `load`. Under `lock`.
    private func isExpected(_ load: Load, elsewhereThan position: Int) -> Bool {
        consumers[load]?.contains { $0 != position } ?? false
    }

    /// The assessed grades of `subsidiary` held under `key`, else `assess()`'s — kept, like its
    /// history, while another planned build of the subsidiary is still to come.
    func assessedGrades(_ subsidiary: String, key: String, for position: Int,
                        assess: () throws(MoneyOverflow) -> [String: CreditGrade]) throws(MoneyOverflow) -> [String: CreditGrade] {
        if let known = lock.withLock({ assessed[subsidiary]?[key] }) { return known }
        let grades = try assess()
        lock.withLock {
            if isExpected(.salesHistory(subsidiary: subsidiary), elsewhereThan: position) { assessed[subsidiary, default: [:]][key] = grades }
        }
        return grades
    }

    /// The number of loaded values held now (tests: released when the last consumer is done).
    var heldCount: Int { lock.withLock { values.count } }

    /// The history of `subsidiary` over exactly the months (and files) of `sales`.
    func salesHistory(_ subsidiary: String, _ sales: [YearMonth: Submission], for position: Int) throws -> SalesHistory {
        let union = lock.withLock { disagreeing.contains(subsidiary) || !sharing.contains(position) ? nil : unions[subsidiary] }
        guard let union, sales.allSatisfy({ union[$0.key]?.id == $0.value.id }) else {
            // Not declared with the others (or they disagree): this build's months alone.
            return try store.salesHistory(effective: sales)
        }
        let whole = try shared(.salesHistory(subsidiary: subsidiary), for: position) { try store.salesHistory(effective: union) }
        if union.count == sales.count { return whole }  // the same months: the union is this build's history
        return whole.restricted(to: Set(sales.keys)) { sales[$0]?.hasCost ?? false }
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

    /// A snapshot file's rows keyed by customer_id (`CreditInputs.keyedByCustomer`).
    func keyedRecords<R: Sendable>(of submission: Submission, kind: InputKind, for position: Int,
                                   id: (R) -> String) throws -> [String: R] {
        try shared(.keyedSnapshot(submissionId: submission.id ?? -1), for: position) {
            CreditInputs.keyedByCustomer(try records(of: submission, kind: kind, for: position) as [R], id: id)
        }
    }

    /// The identity fields of a `customers` snapshot's rows.
    func customerIdentities(of submission: Submission, for position: Int) throws -> [CustomerFileIdentity] {
        try shared(.customerIdentities(submissionId: submission.id ?? -1), for: position) {
            try store.customerIdentities(of: submission)
        }
    }

    private func shared<Value: Sendable>(_ load: Load, for position: Int, _ read: () throws -> Value) throws -> Value {
        if let known = lock.withLock({ values[load] }) as? Value { return known }
        let value = try read()
        lock.withLock { if isExpected(load, elsewhereThan: position) { values[load] = value } }
        return value
    }
}
