import KamConfig
import KamStore

/// Who is asking: an enabled user, by a live session cookie or a bearer token. Every handler
/// decides from this value alone, through `Visibility`.
public struct Caller: Sendable {
    public let user: PortalUser
    public let scope: UserScope
    /// The session's CSRF token; nil for a bearer token (a script sends no ambient cookie, so
    /// there is nothing to forge).
    public let csrf: String?
    /// The session's id hash, for logout; nil for a bearer token.
    public let sessionHash: String?
}
