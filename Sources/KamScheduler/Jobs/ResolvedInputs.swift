import KamIngest
import KamPolicy
import KamStore

/// The exact accepted files one job instance reads, decided once per run from the
/// `SubmissionIndex` (where "later file wins" is decided, and only there). Everything
/// downstream follows from this one value: the loaders read exactly these files, the lineage
/// (数据来源) lists them, the ledger compares them to decide a new revision, and the report cache
/// is keyed on them. So a workbook can never list a file its figures do not read, nor read one
/// it does not list.
struct ResolvedInputs: Sendable {
    /// The reads the job declared: each is one (subsidiary, scope) a loader may be asked for.
    let reads: [SubsidiaryRead]
    /// Per subsidiary, the union of its declared reads' files.
    let files: [String: SubsidiaryFiles]
    /// Every file above once, ascending id: the revision's key, and the lineage (listed in `LineageOrder`).
    let submissions: [Submission]

    init(reads: [SubsidiaryRead], index: SubmissionIndex) {
        self.reads = reads
        var files: [String: SubsidiaryFiles] = [:]
        for read in reads { files[read.subsidiary, default: SubsidiaryFiles()].merge(index.resolve(read.subsidiary, read.scope)) }
        self.files = files
        self.submissions = SubmissionIndex.unique(files.values.flatMap(\.submissions))
    }

    /// The submission ids, ascending: what the ledger records and the revision check compares.
    var ids: [Int64] { submissions.compactMap(\.id) }

    /// The files of one declared read. A read the job did not declare is refused: its files
    /// would be missing from the lineage and from the revision check.
    func files(_ subsidiary: String, _ scope: SubsidiaryInputs.Scope) throws -> SubsidiaryFiles {
        guard reads.contains(SubsidiaryRead(subsidiary: subsidiary, scope: scope)), let all = files[subsidiary] else {
            throw UndeclaredRead(subsidiary: subsidiary, scope: "\(scope)")
        }
        return all.restricted(to: scope)
    }

    /// A job read inputs it did not declare: a programming error, reported as that workbook's
    /// failure (nothing is written or published for it) rather than a workbook with a wrong lineage.
    struct UndeclaredRead: Error, CustomStringConvertible {
        let subsidiary: String
        let scope: String
        var description: String {
            "internal error: a job read \(subsidiary)'s inputs \(scope) without declaring them; the workbook was not written. "
                + "Please report this; the previous revision stays current."
        }
    }
}

/// One read a job declares: which subsidiary's inputs, over which months and quarters.
struct SubsidiaryRead: Hashable, Sendable {
    let subsidiary: String
    let scope: SubsidiaryInputs.Scope
}

/// The files one subsidiary contributes to a workbook: for each sales month, and for each
/// quarter of a quarter kind, the one accepted file that is read for it.
struct SubsidiaryFiles: Equatable, Sendable {
    var sales: [YearMonth: Submission] = [:]
    var quarters: [InputKind: [Period: Submission]] = [:]
    /// For each quarter in `quarters`, when its first accepted file was received, a file the one
    /// read has since superseded included: 批复状态 is decided by the first answer (SPEC §4.6),
    /// as a submission status is by the first arrival. Decided from the same index as the files,
    /// so a job never asks the store behind the run's back.
    var firstReceived: [InputKind: [Period: Int64]] = [:]

    /// Every file once, ascending id.
    var submissions: [Submission] {
        SubmissionIndex.unique(Array(sales.values) + quarters.values.flatMap(\.values))
    }

    mutating func merge(_ other: SubsidiaryFiles) {
        sales.merge(other.sales) { a, _ in a }
        for (kind, files) in other.quarters { quarters[kind, default: [:]].merge(files) { a, _ in a } }
        for (kind, times) in other.firstReceived { firstReceived[kind, default: [:]].merge(times) { a, _ in a } }
    }

    /// The part of these files that `scope` reads (a scope of the reads they were resolved for).
    func restricted(to scope: SubsidiaryInputs.Scope) -> SubsidiaryFiles {
        let months = Set(scope.salesMonths)
        var result = SubsidiaryFiles(sales: sales.filter { months.contains($0.key) })
        for (kind, files) in quarters {
            let wanted = scope.quarters(of: kind)
            let kept = files.filter { wanted.includes($0.key, among: Array(files.keys)) }
            if !kept.isEmpty {
                result.quarters[kind] = kept
                result.firstReceived[kind] = firstReceived[kind]?.filter { kept[$0.key] != nil }
            }
        }
        return result
    }
}

extension SubmissionIndex {
    /// The files `scope` reads for `subsidiary` now: the effective sales file of each month,
    /// and the latest accepted file of each quarter the scope includes.
    func resolve(_ subsidiary: String, _ scope: SubsidiaryInputs.Scope) -> SubsidiaryFiles {
        var files = SubsidiaryFiles(sales: effectiveSalesByMonth(subsidiary, months: scope.salesMonths))
        for kind in InputKind.quarterKinds {
            let quarters = scope.quarters(of: kind)
            if case .none = quarters { continue }
            var latest: [Period: Submission] = [:]
            var first: [Period: Int64] = [:]
            for s in accepted(subsidiary, kind) {
                guard let p = s.period, p.isQuarter else { continue }
                latest[p] = s
                first[p] = min(first[p] ?? s.receivedAt, s.receivedAt)
            }
            let periods = Array(latest.keys)
            let kept = latest.filter { quarters.includes($0.key, among: periods) }
            if !kept.isEmpty {
                files.quarters[kind] = kept
                files.firstReceived[kind] = first.filter { kept[$0.key] != nil }
            }
        }
        return files
    }
}

extension InputKind {
    /// The kinds that come as a quarter's snapshot, superseded whole by a later file.
    static let quarterKinds: [InputKind] = [.receivables, .approvals, .customers, .visits]
}
