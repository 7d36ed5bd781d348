import KamConfig
import KamIngest
import KamPolicy
import KamStore

/// Loads one subsidiary's inputs as the policy's plain values — exactly the files a build's
/// `ResolvedInputs` names for the scope asked, through the run's `SharedInputs`, so a history
/// or snapshot another build of the run already loaded is not read again.
struct SubsidiaryInputs {
    let config: KamConfiguration
    let resolved: ResolvedInputs
    let shared: SharedInputs
    /// The build's position in the run's build order (`SharedInputs` keeps a load until the last build that expects it is done).
    var position = 0

    /// What a subsidiary-tier job reads: sales over `salesMonths`, and the quarter kinds'
    /// snapshots of the given quarters.
    struct Scope: Hashable, Sendable {
        var salesMonths: [YearMonth]
        var receivables: Quarters = .none
        var approvals: Quarters = .none
        var customerFiles: Quarters = .none
        var visits: Quarters = .none

        func quarters(of kind: InputKind) -> Quarters {
            switch kind {
            case .sales: .none
            case .receivables: receivables
            case .approvals: approvals
            case .customers: customerFiles
            case .visits: visits
            }
        }
    }

    /// Which quarters of a kind a job reads.
    enum Quarters: Hashable, Sendable {
        case none
        /// Every quarter with an accepted file, up to and including this one.
        case through(Period)
        /// The latest quarter with an accepted file that ends by this period's end (SPEC §4.6's
        /// 客户经理 sheet reads one customers snapshot).
        case latestThrough(Period)
        case only([Period])

        /// Whether `quarter`, one of the quarters with an accepted file (`available`), is read.
        func includes(_ quarter: Period, among available: [Period]) -> Bool {
            switch self {
            case .none: false
            case .through(let last): quarter.isQuarter && quarter.lastMonth <= last.lastMonth
            case .latestThrough(let end):
                quarter.isQuarter && quarter.lastMonth <= end.lastMonth
                    && !available.contains { $0.isQuarter && $0.lastMonth <= end.lastMonth && $0.lastMonth > quarter.lastMonth }
            case .only(let list): list.contains(quarter)
            }
        }
    }

    func salesHistory(_ subsidiary: String, scope: Scope) throws -> SalesHistory {
        try shared.salesHistory(subsidiary, try resolved.files(subsidiary, scope).sales, for: position)
    }

    /// The months of `scope` some accepted sales file covers (the others are missing, SPEC §8).
    func coveredMonths(_ subsidiary: String, scope: Scope) throws -> Set<YearMonth> {
        Set(try resolved.files(subsidiary, scope).sales.keys)
    }

    private func snapshots<R: Sendable>(_ subsidiary: String, _ kind: InputKind, _ scope: Scope) throws -> [Period: [R]] {
        var result: [Period: [R]] = [:]
        for (quarter, submission) in try resolved.files(subsidiary, scope).quarters[kind] ?? [:] {
            result[quarter] = try shared.records(of: submission, kind: kind, for: position)
        }
        return result
    }

    /// The identity fields of the latest customers snapshot of `scope` whose quarter ends by `end`,
    /// reading only that file (hq-quarterly's 跨公司客户, SPEC §4.6; `customerFiles` would read every
    /// quarter's) and only those three columns of it: the whole records took ≈ 0.1 s of the
    /// late-file run's 0.46 s critical path (perf, issue 15).
    func latestCustomerIdentities(_ subsidiary: String, _ scope: Scope, through end: Period) throws -> [CustomerFileIdentity]? {
        let files = try resolved.files(subsidiary, scope).quarters[.customers] ?? [:]
        guard let latest = files.filter({ $0.key.lastMonth <= end.lastMonth }).max(by: { $0.key.lastMonth < $1.key.lastMonth })
        else { return nil }
        return try shared.customerIdentities(of: latest.value, for: position)
    }

    func receivables(_ subsidiary: String, _ scope: Scope) throws -> [Period: [ReceivableRecord]] {
        try snapshots(subsidiary, .receivables, scope)
    }

    func approvals(_ subsidiary: String, _ scope: Scope) throws -> [Period: [ApprovalRecord]] {
        try snapshots(subsidiary, .approvals, scope)
    }

    func customerFiles(_ subsidiary: String, _ scope: Scope) throws -> [Period: [CustomerFileRecord]] {
        try snapshots(subsidiary, .customers, scope)
    }

    func visits(_ subsidiary: String, _ scope: Scope) throws -> [Period: [VisitRecord]] {
        try snapshots(subsidiary, .visits, scope)
    }

    /// The snapshots of `kind` in `scope`, each keyed by customer_id as the credit rules keep it,
    /// through the run's `SharedInputs` (a file is keyed once for all the subsidiary's credit workbooks).
    private func keyedSnapshots<R: Sendable>(_ subsidiary: String, _ kind: InputKind, _ scope: Scope,
                                             id: (R) -> String) throws -> [Period: [String: R]] {
        var result: [Period: [String: R]] = [:]
        for (quarter, submission) in try resolved.files(subsidiary, scope).quarters[kind] ?? [:] {
            result[quarter] = try shared.keyedRecords(of: submission, kind: kind, for: position, id: id)
        }
        return result
    }

    /// The credit rules' inputs for `scope`, sharing assessed grades with the subsidiary's other
    /// credit workbooks of the run (`SharedAssessedGrades`).
    func credit(_ subsidiary: String, _ scope: Scope) throws -> CreditInputs {
        var inputs = CreditInputs(
            history: try salesHistory(subsidiary, scope: scope),
            keyedReceivables: try keyedSnapshots(subsidiary, .receivables, scope, id: { (r: ReceivableRecord) in r.customerID }),
            keyedApprovals: try keyedSnapshots(subsidiary, .approvals, scope, id: { (r: ApprovalRecord) in r.customerID }),
            keyedCustomerFiles: try keyedSnapshots(subsidiary, .customers, scope, id: { (r: CustomerFileRecord) in r.customerID }),
            settings: config.policy, cadence: config.organisation.cadence(ofSubsidiary: subsidiary) ?? .quarterly)
        inputs.assessedGradesShare = SharedAssessedGrades(shared: shared, subsidiary: subsidiary,
                                                          files: try resolved.files(subsidiary, scope), position: position)
        return inputs
    }
}

extension Period {
    /// The months from 24 months before this period's first month through its last month:
    /// enough for ttm at any month of the period and the one before, and for names.
    var creditWindow: [YearMonth] { YearMonth.range(firstMonth.adding(months: -24), through: lastMonth) }
}
