import GRDB

/// One line of the access record (seed 002 第五条 查阅记录): who did what, when, from which
/// address, and how it ended. Every login (and failed login), upload and download is one;
/// kam never deletes them, so they are kept for at least the year the policy asks.
public struct AccessRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "access_record"

    public var id: Int64?
    /// Unix seconds.
    public var at: Int64
    /// The name given (a failed login records the name tried).
    public var userName: String
    /// `login`, `logout`, `upload`, `download`.
    public var action: String
    /// The file, workbook path or receipt concerned.
    public var what: String
    /// The client address (as the reverse proxy reports it, else the socket's peer).
    public var address: String
    /// `ok`, `refused: …`, `accepted`, `rejected`, `not found`.
    public var outcome: String

    public init(id: Int64? = nil, at: Int64, userName: String, action: String, what: String, address: String, outcome: String) {
        self.id = id
        self.at = at
        self.userName = userName
        self.action = action
        self.what = what
        self.address = address
        self.outcome = outcome
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
