import KamPolicy

/// What a workbook says about itself: who it is for, which period, which revision and why,
/// and which input files it was built from (the lineage on every 概览).
public struct ReportContext: Sendable {
    public struct Input: Sendable, Equatable {
        public let fileName: String
        public let kind: String
        public let period: String
        /// Received time as shown to readers, e.g. `2026-10-03 10:00`.
        public let received: String
        public let sha256: String

        public init(fileName: String, kind: String, period: String, received: String, sha256: String) {
            self.fileName = fileName
            self.kind = kind
            self.period = period
            self.received = received
            self.sha256 = sha256
        }
    }

    public let job: JobKind
    /// The owner's display name: `HG01 华东化工有限公司`, `化工`, `集团`.
    public let ownerTitle: String
    public let period: Period
    public let fireTime: LocalDateTime
    /// Seconds since 1970 of the fire time: the workbook's created time, so rebuilding the
    /// same instance gives the same bytes.
    public let createdUnix: Int64
    public let revision: Int
    public let revisionReason: String
    public let inputs: [Input]
    /// Plain-language notes for 概览 (a missing input, a warning).
    public let notes: [String]
    public let company: String
    /// The inputs this workbook's figures needed but did not have when it was built, as a
    /// reader names them (`HG01 销售明细 2026-10`): a red `数据不完整：` banner on 概览 and
    /// `【数据不完整】` in every printed page header (SPEC §8 "Incomplete data"). Empty in a
    /// revision made once they arrived.
    public let missingInputs: [String]

    /// What every printed page of this workbook says at the top: incomplete or not, whose, which
    /// period, which workbook and, for a revision, which (`第2版`), so a printed page of a
    /// superseded revision cannot pass for the current one.
    public var printHeader: String {
        (missingInputs.isEmpty ? "" : Self.incompleteMark) + "\(ownerTitle) \(period) \(job.workbookName)"
            + (revision > 1 ? " 第\(revision)版" : "")
    }

    /// The visible digest (`VisibleContent`) of the delivered revision this build replaces only
    /// if a reader would see something new: a build that shows the same is not written at all
    /// (`WorkbookShell`), and the run keeps that revision. Nil when the file must be written.
    public let unchangedDigest: String?

    public static let incompleteMark = "【数据不完整】"
    public static let bannerLead = "数据不完整："

    public init(job: JobKind, ownerTitle: String, period: Period, fireTime: LocalDateTime, createdUnix: Int64,
                revision: Int, revisionReason: String, inputs: [Input], notes: [String], company: String,
                missingInputs: [String] = [], unchangedDigest: String? = nil) {
        self.missingInputs = missingInputs
        self.unchangedDigest = unchangedDigest
        self.job = job
        self.ownerTitle = ownerTitle
        self.period = period
        self.fireTime = fireTime
        self.createdUnix = createdUnix
        self.revision = revision
        self.revisionReason = revisionReason
        self.inputs = inputs
        self.notes = notes
        self.company = company
    }
}
