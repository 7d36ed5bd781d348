import GRDB

/// A person who logs in to the portal (SPEC §10). The password is kept only as a bcrypt hash;
/// a disabled user keeps their row (the access record names them) but no session or token works.
public struct PortalUser: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "portal_user"

    public var name: String
    /// `subsidiary:HG01`, `management:chem`, `management`, `hq`, `operator` or `admin`.
    public var scope: String
    public var email: String
    public var passwordHash: String
    public var disabled: Bool
    /// Unix seconds.
    public var createdAt: Int64

    public init(name: String, scope: String, email: String, passwordHash: String, disabled: Bool = false, createdAt: Int64) {
        self.name = name
        self.scope = scope
        self.email = email
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
    }
}
