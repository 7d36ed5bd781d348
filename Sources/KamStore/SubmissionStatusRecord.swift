import GRDB

/// The submission status of one expected input as a delivered workbook stated it (on time,
/// late, missing, with the received time): the ledger keeps what HQ was told.
public struct SubmissionStatusRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "submission_status"

    public var deliveryId: Int64
    public var subsidiary: String
    public var kind: String
    public var period: String
    /// `按时`, `逾期` or `未报送`.
    public var status: String
    /// Unix seconds; nil when missing.
    public var receivedAt: Int64?

    public init(deliveryId: Int64, subsidiary: String, kind: String, period: String, status: String, receivedAt: Int64?) {
        self.deliveryId = deliveryId
        self.subsidiary = subsidiary
        self.kind = kind
        self.period = period
        self.status = status
        self.receivedAt = receivedAt
    }
}
