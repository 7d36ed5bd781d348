import KamIngest
import KamPolicy
import KamStore

/// Every submission kam has received, loaded once per run, answering the questions the
/// ledger asks for each job instance without touching SQLite: which accepted files a workbook
/// reads now (supersession of SPEC §8, decided here and nowhere else — see `resolve` in
/// ResolvedInputs.swift) and when each expected input first arrived.
struct SubmissionIndex {
    /// Accepted submissions per subsidiary and kind, in supersession order (received time,
    /// then name, then id): later entries win.
    private var accepted: [String: [InputKind: [Submission]]] = [:]

    init(_ all: [Submission]) {
        for s in all where s.status == .accepted {
            guard let kind = s.kind else { continue }
            accepted[s.subsidiary, default: [:]][kind, default: []].append(s)
        }
        for (sub, kinds) in accepted {
            for (kind, list) in kinds {
                accepted[sub]?[kind] = list.sorted { ($0.receivedAt, $0.fileName, $0.id ?? 0) < ($1.receivedAt, $1.fileName, $1.id ?? 0) }
            }
        }
    }

    func accepted(_ subsidiary: String, _ kind: InputKind) -> [Submission] { accepted[subsidiary]?[kind] ?? [] }

    /// For each month of `months` an accepted sales file covers, the file whose lines are
    /// effective for it: the latest accepted file whose period covers the month (SPEC §8: later
    /// wins, month by month). The one place this rule is decided.
    func effectiveSalesByMonth(_ subsidiary: String, months: [YearMonth]) -> [YearMonth: Submission] {
        var effective: [YearMonth: Submission] = [:]
        let wanted = Set(months)
        for s in accepted(subsidiary, .sales) {
            guard let period = s.period else { continue }
            for m in period.months where wanted.contains(m) { effective[m] = s }
        }
        return effective
    }

    /// The latest accepted file of a quarter kind for `quarter`, or nil.
    func snapshot(_ subsidiary: String, _ kind: InputKind, _ quarter: Period) -> Submission? {
        accepted(subsidiary, kind).last { $0.period == quarter }
    }

    /// When the subsidiary's input of `kind` for `period` was complete, as the submission
    /// status reads it: for sales, the time by which every month of the period was covered by
    /// some accepted file (the latest of the months' first arrivals); for the quarter kinds, the
    /// first accepted file for the quarter. Nil when not (yet) complete.
    func firstComplete(_ subsidiary: String, _ kind: InputKind, _ period: Period) -> Int64? {
        let files = accepted(subsidiary, kind)
        guard kind == .sales else { return files.first { $0.period == period }?.receivedAt }
        return SalesInputCompletion.completedAt(months: period.months) { m in
            files.filter { $0.period?.contains(m) ?? false }.map(\.receivedAt).min()
        }
    }

    static func unique(_ list: [Submission]) -> [Submission] {
        var seen = Set<Int64>()
        return list.filter { seen.insert($0.id ?? -1).inserted }.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }
}
