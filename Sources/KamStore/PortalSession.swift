import GRDB

/// A logged-in browser. Kept in the store, not in the server's memory, so that every request
/// checks it afresh: a user disabled by `kam user disable` is out at their next click, and a
/// session idle past `portal.session_hours` is over even across a restart of `kam serve`.
public struct PortalSession: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "portal_session"

    /// SHA-256 of the cookie's secret: the store never holds a usable session id.
    public var idHash: String
    public var userName: String
    /// The token every form of this session carries (SPEC §10: CSRF).
    public var csrf: String
    /// Unix seconds.
    public var createdAt: Int64
    public var lastSeenAt: Int64

    public init(idHash: String, userName: String, csrf: String, createdAt: Int64, lastSeenAt: Int64) {
        self.idHash = idHash
        self.userName = userName
        self.csrf = csrf
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}
