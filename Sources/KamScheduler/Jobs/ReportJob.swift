import KamPolicy
import KamStore

/// What the engine needs from each of the policy's jobs: what its workbook reads (resolved to
/// files once per run: lineage, revision check, loads and cache all follow from it), the
/// submission statuses it states, and the writing itself.
protocol ReportJob {
    /// The (subsidiary, scope) reads the workbook for `instance` makes: every loader call of
    /// `write` is one of them (`ResolvedInputs` refuses any other).
    func reads(for instance: JobInstance) -> [SubsidiaryRead]

    /// The expected inputs whose status (on time, late, missing) the workbook states; empty
    /// for workbooks that state none.
    func expectedInputs(for instance: JobInstance) -> [ExpectedInput]

    /// The per-subsidiary reports the workbook for `instance` computes or shows (see `ReportMemo`).
    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use]

    /// Loads (through `loader`, exactly the build's resolved files), computes and writes the
    /// workbook for `instance` to `path`, returning what the ledger keeps of it: the key figures
    /// it states (JSON) when other workbooks reconcile with them, and its 数据不完整 list.
    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook
}

extension ReportJob {
    /// The resolve stage for one instance: its reads, resolved to files from the run's index.
    func resolve(_ instance: JobInstance, index: SubmissionIndex) -> ResolvedInputs {
        ResolvedInputs(reads: reads(for: instance), index: index)
    }

    func expectedInputs(for instance: JobInstance) -> [ExpectedInput] { [] }
    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use] { [] }
}

/// What a build knows beyond the instance: its revision, why it was made, the files it reads
/// and the statuses it states.
struct BuildInfo {
    let revision: Int
    let reason: String
    let resolved: ResolvedInputs
    /// The files it reads, ascending id (its revision key); 数据来源 lists them in `LineageOrder`.
    var inputs: [Submission] { resolved.submissions }
    let statuses: [ExpectedInput.Resolved]
    /// Where the previous revision was delivered, when not where this one goes (a line renamed
    /// since): that file is the one moved to `superseded/`.
    var previousPath: String? = nil
    /// A retired owner's current workbook already at this one's path (a line given a new code
    /// under the same name): moved to `superseded/` under its owner's code, never overwritten.
    var displaced: Delivery? = nil
    /// The delivered revision this build would replace only because its inputs changed: when
    /// the build shows a reader exactly what that one does (`visibleDigest`), it stays and no
    /// revision is made (SPEC §8 Workbooks). Nil for first builds and `kam report`.
    var keptIfUnchanged: Delivery? = nil
}
