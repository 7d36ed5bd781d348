import GRDB

/// One (recipient, channel, item) of the outbox ledger (SPEC §9). The payload is the item as
/// the delivery module describes it (JSON); the store only keeps its state.
public struct OutboxRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outbox_item"

    /// Where an item stands; stored as `queued`, `sent`, `failed` or `gave-up`.
    public enum Status: String, Sendable, CaseIterable, Codable, DatabaseValueConvertible {
        case queued
        case sent
        /// Failed at least once; tried again at `nextTryAt`.
        case failed
        /// Every retry failed; the operator was told. `kam resend` queues it again.
        case gaveUp = "gave-up"
    }

    public var id: Int64?
    public var recipient: String
    /// `email`, `outbox` or `webhook`: KamDelivery's `Channel`, kept as text here because the
    /// store sits below the delivery module that defines it.
    public var channel: String
    /// What the item is, unique per recipient and channel, e.g. `workbook|credit-report|HG01|2026Q3|r2`.
    public var itemKey: String
    public var period: String
    public var payload: String
    public var status: Status
    public var attempts: Int
    /// The last failure's message (a mail command's stderr, an HTTP status), empty when none.
    public var error: String
    /// Unix seconds.
    public var queuedAt: Int64
    /// When the next try is due (unix seconds); nil once sent or given up.
    public var nextTryAt: Int64?
    public var sentAt: Int64?
    /// The Message-ID of the mail that carried it, for recognising a resend.
    public var messageId: String

    public init(id: Int64? = nil, recipient: String, channel: String, itemKey: String, period: String, payload: String,
                status: Status = .queued, attempts: Int = 0, error: String = "", queuedAt: Int64,
                nextTryAt: Int64?, sentAt: Int64? = nil, messageId: String = "") {
        self.id = id
        self.recipient = recipient
        self.channel = channel
        self.itemKey = itemKey
        self.period = period
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.error = error
        self.queuedAt = queuedAt
        self.nextTryAt = nextTryAt
        self.sentAt = sentAt
        self.messageId = messageId
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Not sent yet: queued, waiting for a retry, or given up.
    public var isUndelivered: Bool { status != .sent }

    /// A status kam never writes is a `StoredValueProblem` naming the column and text.
    public init(row: Row) throws {
        _ = try row.stored("status", of: Self.databaseTableName, as: Status.self)
        self = try FetchableRecordDecoder().decode(Self.self, from: row)
    }
}
