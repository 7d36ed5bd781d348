import Foundation
import KamConfig
import KamStore
import Logging

/// What every handler shares: the config, the store (shared with `kam run` and the daemon),
/// the clock and the pages. Built once by `buildPortalApplication`.
public struct Portal: Sendable {
    public let config: KamConfiguration
    public let store: KamStore
    /// Unix seconds now; injected so tests can move time (session expiry, the login lock).
    public let now: @Sendable () -> Int64
    /// bcrypt's cost for new hashes: 12 in service, lower in tests.
    public let bcryptCost: UInt8
    let pages: Pages

    public init(config: KamConfiguration, store: KamStore, bcryptCost: UInt8 = 12,
                now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) throws {
        self.config = config
        self.store = store
        self.now = now
        self.bcryptCost = bcryptCost
        self.pages = try Pages()
    }

    /// Idle seconds after which a session is over (`portal.session_hours`).
    var sessionIdleSeconds: Int64 { Int64(config.portal.sessionHours) * 3600 }

    var maxUploadBytes: Int { config.portal.maxUploadMB * 1024 * 1024 }

    /// The session cookie's name.
    static let sessionCookie = "kam_session"
    /// The login form's CSRF cookie (double-submit: there is no session yet to hold the token).
    static let loginCookie = "kam_login"

    func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        var c = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(maxAge)"
        if config.portal.secureCookies { c += "; Secure" }
        return c
    }

    func record(_ caller: String, _ action: String, _ what: String, _ address: String, _ outcome: String) {
        // The access record must not fail silently: a write that fails is logged to stderr.
        do {
            try store.recordAccess(AccessRecord(at: now(), userName: caller, action: action, what: what, address: address, outcome: outcome))
        } catch {
            FileHandle.standardError.write(Data("kam serve: could not write the access record (\(action) \(what) by \(caller)): \(error)\n".utf8))
        }
    }
}
