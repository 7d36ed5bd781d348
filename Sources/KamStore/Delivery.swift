import GRDB
import KamPolicy

/// One delivered workbook revision: the run ledger's proof that a job instance was done,
/// written only after the workbook file is in place.
public struct Delivery: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "delivery"

    public var id: Int64?
    /// The job's name (`JobKind`'s raw value), kept as text: a ledger written by a later kam may
    /// name a job this one does not know, and `kam status`, the portal and `RetiredOwner` show
    /// such a delivery (to those who see everything) rather than fail on it.
    public var job: String
    public var owner: String
    public var period: Period
    public var revision: Int
    /// The instance's fire time, `YYYY-MM-DDTHH:MM` in the configured zone.
    public var fireTime: String
    /// Path relative to the reports folder.
    public var path: String
    public var sha256: String
    /// Ids of the submissions the workbook was built from, comma-separated, ascending.
    public var inputs: String
    public var reason: String
    /// Unix seconds.
    public var deliveredAt: Int64
    /// The key figures the workbook states, as JSON; empty for workbooks others do not reconcile with.
    public var figures: String = ""
    /// What the workbook's 数据不完整 banner lists, one per line; empty for a complete workbook.
    /// Delivery flags the workbook in its messages from this, not from a second judgement.
    public var missingInputs: String = ""
    /// SHA-256 of what a reader sees (every cell but the revision, reason and source-file lists):
    /// a rebuild with the same is not delivered (SPEC §8: revise only on a visible change).
    /// Empty for deliveries recorded before the ledger kept it: those are always revised.
    public var visibleDigest: String = ""
    /// The inputs (same form as `inputs`) last checked against this revision when a rebuild
    /// from them showed nothing new; empty when none was. The workbook and `inputs` still name
    /// the files it was built from; planning compares the current inputs with this.
    public var checkedInputs: String = ""

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let job = Column(CodingKeys.job)
        public static let owner = Column(CodingKeys.owner)
        public static let period = Column(CodingKeys.period)
        public static let revision = Column(CodingKeys.revision)
    }

    public init(id: Int64? = nil, job: String, owner: String, period: Period, revision: Int, fireTime: String,
                path: String, sha256: String, inputs: String, reason: String, deliveredAt: Int64, figures: String = "",
                missingInputs: String = "", visibleDigest: String = "") {
        self.id = id
        self.job = job
        self.owner = owner
        self.period = period
        self.revision = revision
        self.fireTime = fireTime
        self.path = path
        self.sha256 = sha256
        self.inputs = inputs
        self.reason = reason
        self.deliveredAt = deliveredAt
        self.figures = figures
        self.missingInputs = missingInputs
        self.visibleDigest = visibleDigest
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A period kam never writes is a `StoredValueProblem` naming the column and text.
    public init(row: Row) throws {
        _ = try row.stored("period", of: Self.databaseTableName, as: Period.self)
        self = try FetchableRecordDecoder().decode(Self.self, from: row)
    }
}
