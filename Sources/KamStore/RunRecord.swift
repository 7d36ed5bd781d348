import GRDB

/// One `kam run` (or daemon cycle) in the run log: when it ran, as of when, and what it did.
/// `kam status` reads these; a run that was killed keeps `finishedAt` nil, which is itself news.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"

    public var id: Int64?
    /// Unix seconds (the run's clock, so `--as-of` runs log their simulated time).
    public var startedAt: Int64
    public var finishedAt: Int64?
    /// The wall-clock time acted as of, `YYYY-MM-DDTHH:MM`.
    public var asOf: String
    public var acceptedFiles: Int
    public var rejectedFiles: Int
    public var delivered: Int
    public var failed: Int

    public init(id: Int64? = nil, startedAt: Int64, finishedAt: Int64? = nil, asOf: String, acceptedFiles: Int = 0,
                rejectedFiles: Int = 0, delivered: Int = 0, failed: Int = 0) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.asOf = asOf
        self.acceptedFiles = acceptedFiles
        self.rejectedFiles = rejectedFiles
        self.delivered = delivered
        self.failed = failed
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
