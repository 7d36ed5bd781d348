import GRDB
import KamPolicy

/// A job instance that could not produce its workbook in a run. Kept so `kam status` can
/// name it until a later run delivers it; failures never mark an instance done.
public struct JobFailure: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "job_failure"

    public var id: Int64?
    public var runId: Int64
    /// Text for the same reason as `Delivery.job`.
    public var job: String
    public var owner: String
    public var period: Period
    public var error: String
    public var failedAt: Int64

    public init(id: Int64? = nil, runId: Int64, job: String, owner: String, period: Period, error: String, failedAt: Int64) {
        self.id = id
        self.runId = runId
        self.job = job
        self.owner = owner
        self.period = period
        self.error = error
        self.failedAt = failedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A period kam never writes is a `StoredValueProblem` naming the column and text.
    public init(row: Row) throws {
        _ = try row.stored("period", of: Self.databaseTableName, as: Period.self)
        self = try FetchableRecordDecoder().decode(Self.self, from: row)
    }
}
