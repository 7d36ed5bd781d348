import KamConfig
import KamIngest
import KamPolicy
import KamStore

/// Loads one subsidiary's accepted inputs as the policy's plain values, and names the files
/// that go into them — the same files, computed without SQLite from the `SubmissionIndex`, so
/// the ledger can tell cheaply whether a delivered workbook is out of date.
struct SubsidiaryInputs {
    let config: KamConfiguration
    let store: KamStore

    /// What a subsidiary-tier job reads: sales over `salesMonths`, and the quarter kinds'
    /// snapshots of the given quarters.
    struct Scope {
        var salesMonths: [YearMonth]
        var receivables: Quarters = .none
        var approvals: Quarters = .none
        var customerFiles: Quarters = .none
        var visits: Quarters = .none
    }

    /// Which quarters of a kind a job reads.
    enum Quarters {
        case none
        /// Every quarter with an accepted file, up to and including this one.
        case through(Period)
        case only([Period])

        func includes(_ quarter: Period) -> Bool {
            switch self {
            case .none: false
            case .through(let last): quarter.isQuarter && quarter.lastMonth <= last.lastMonth
            case .only(let list): list.contains(quarter)
            }
        }
    }

    /// The accepted files `scope` reads, ascending id.
    static func submissions(_ subsidiary: String, scope: Scope, index: SubmissionIndex) -> [Submission] {
        var result = index.effectiveSales(subsidiary, months: scope.salesMonths)
        for (kind, quarters) in [(InputKind.receivables, scope.receivables), (.approvals, scope.approvals),
                                 (.customers, scope.customerFiles), (.visits, scope.visits)] {
            var latest: [String: Submission] = [:]
            for s in index.accepted(subsidiary, kind) {
                guard let p = Period(parsing: s.period), quarters.includes(p) else { continue }
                latest[s.period] = s
            }
            result += latest.values
        }
        return SubmissionIndex.unique(result)
    }

    func salesHistory(_ subsidiary: String, scope: Scope) throws -> SalesHistory {
        try store.salesHistory(subsidiary: subsidiary, months: scope.salesMonths).0
    }

    /// The quarters of `kind` with an accepted file that `quarters` includes.
    private func quarters(_ subsidiary: String, _ kind: InputKind, _ quarters: Quarters) throws -> [Period] {
        let periods = Set(try store.acceptedSubmissions(subsidiary: subsidiary, kind: kind).map(\.period))
        return periods.compactMap(Period.init(parsing:)).filter(quarters.includes)
    }

    func receivables(_ subsidiary: String, _ scope: Scope) throws -> [Period: [ReceivableRecord]] {
        var result: [Period: [ReceivableRecord]] = [:]
        for q in try quarters(subsidiary, .receivables, scope.receivables) {
            if let s = try store.receivables(subsidiary: subsidiary, quarter: q) { result[q] = s.records }
        }
        return result
    }

    func approvals(_ subsidiary: String, _ scope: Scope) throws -> [Period: [ApprovalRecord]] {
        var result: [Period: [ApprovalRecord]] = [:]
        for q in try quarters(subsidiary, .approvals, scope.approvals) {
            if let s = try store.approvals(subsidiary: subsidiary, quarter: q) { result[q] = s.records }
        }
        return result
    }

    func customerFiles(_ subsidiary: String, _ scope: Scope) throws -> [Period: [CustomerFileRecord]] {
        var result: [Period: [CustomerFileRecord]] = [:]
        for q in try quarters(subsidiary, .customers, scope.customerFiles) {
            if let s = try store.customerFiles(subsidiary: subsidiary, quarter: q) { result[q] = s.records }
        }
        return result
    }

    func visits(_ subsidiary: String, _ scope: Scope) throws -> [Period: [VisitRecord]] {
        var result: [Period: [VisitRecord]] = [:]
        for q in try quarters(subsidiary, .visits, scope.visits) {
            if let s = try store.visits(subsidiary: subsidiary, quarter: q) { result[q] = s.records }
        }
        return result
    }

    /// The credit rules' inputs for `scope`.
    func credit(_ subsidiary: String, _ scope: Scope) throws -> CreditInputs {
        CreditInputs(history: try salesHistory(subsidiary, scope: scope), receivables: try receivables(subsidiary, scope),
                     approvals: try approvals(subsidiary, scope), customerFiles: try customerFiles(subsidiary, scope),
                     settings: config.policy, cadence: config.organisation.cadence(ofSubsidiary: subsidiary) ?? .quarterly)
    }
}

extension Period {
    /// The months from 24 months before this period's first month through its last month:
    /// enough for ttm at any month of the period and the one before, and for names.
    var creditWindow: [YearMonth] { YearMonth.range(firstMonth.adding(months: -24), through: lastMonth) }
}
