import KamPolicy
import KamStore

/// What the engine needs from each of the policy's jobs: the files its workbook reads now
/// (for lineage and for detecting when a delivered revision is out of date), the submission
/// statuses it states, and the writing itself.
protocol ReportJob {
    /// The accepted submissions the workbook for `instance` would be built from now.
    func inputs(for instance: JobInstance, index: SubmissionIndex) -> [Submission]

    /// The expected inputs whose status (on time, late, missing) the workbook states; empty
    /// for workbooks that state none.
    func expectedInputs(for instance: JobInstance) -> [ExpectedInput]

    /// The per-subsidiary reports the workbook for `instance` computes or shows (see `ReportMemo`).
    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use]

    /// Writes the workbook for `instance` to `path`, returning the key figures it states (JSON)
    /// when other workbooks reconcile with them, else "".
    func write(_ instance: JobInstance, build: BuildInfo, to path: String) throws -> String
}

extension ReportJob {
    func expectedInputs(for instance: JobInstance) -> [ExpectedInput] { [] }
    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use] { [] }
}

/// What a build knows beyond the instance: its revision, why it was made, the files it reads
/// and the statuses it states.
struct BuildInfo {
    let revision: Int
    let reason: String
    let inputs: [Submission]
    let statuses: [ExpectedInput.Resolved]
    /// Where the previous revision was delivered, when not where this one goes (a line renamed
    /// since): that file is the one moved to `superseded/`.
    var previousPath: String? = nil
    /// A retired owner's current workbook already at this one's path (a line given a new code
    /// under the same name): moved to `superseded/` under its owner's code, never overwritten.
    var displaced: Delivery? = nil
}
