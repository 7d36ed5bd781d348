import GRDB
import KamIngest
import KamPolicy

/// The submission status of one expected input as a delivered workbook stated it (on time,
/// late, missing, with the received time): the ledger keeps what HQ was told.
public struct SubmissionStatusRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "submission_status"

    public var deliveryId: Int64
    public var subsidiary: String
    public var kind: InputKind
    public var period: Period
    /// Stored as `按时`, `逾期` or `未报送`.
    public var status: SubmissionStatus.State
    /// Unix seconds; nil when missing.
    public var receivedAt: Int64?

    public init(deliveryId: Int64, subsidiary: String, kind: InputKind, period: Period, status: SubmissionStatus.State,
                receivedAt: Int64?) {
        self.deliveryId = deliveryId
        self.subsidiary = subsidiary
        self.kind = kind
        self.period = period
        self.status = status
        self.receivedAt = receivedAt
    }

    /// A kind, period or status kam never writes is a `StoredValueProblem` naming the column and text.
    public init(row: Row) throws {
        _ = try row.stored("kind", of: Self.databaseTableName, as: InputKind.self)
        _ = try row.stored("period", of: Self.databaseTableName, as: Period.self)
        _ = try row.stored("status", of: Self.databaseTableName, as: SubmissionStatus.State.self)
        self = try FetchableRecordDecoder().decode(Self.self, from: row)
    }
}
