import Foundation
import HummingbirdBcrypt
import KamConfig
import KamStore

/// `kam user add/list/passwd/disable/token`: the portal's users, kept in the store. Passwords
/// and tokens are checked here and stored only as a bcrypt hash and a SHA-256.
public struct UserAdmin: Sendable {
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    let store: KamStore
    let organisation: KamConfiguration
    let cost: UInt8
    let now: @Sendable () -> Int64

    public init(store: KamStore, config: KamConfiguration, bcryptCost: UInt8 = 12,
                now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.store = store
        self.organisation = config
        self.cost = bcryptCost
        self.now = now
    }

    /// Shortest password accepted.
    public static let minimumPasswordLength = 10

    public func add(name: String, scope text: String, email: String, password: String) throws {
        guard Self.isValidName(name) else {
            throw Refusal(description: "user name `\(name)` must be 1–64 letters, digits, `.`, `_` or `-`")
        }
        let scope: UserScope
        switch UserScope.parse(text, organisation: organisation.organisation) {
        case .success(let s): scope = s
        case .failure(let p): throw Refusal(description: "--scope: \(p.message)")
        }
        if !email.isEmpty, !MailAddress.isValid(email) { throw Refusal(description: "--email `\(email)` is not a mail address") }
        try Self.check(password)
        guard try store.user(named: name) == nil else {
            throw Refusal(description: "user `\(name)` already exists; change the password with `kam user passwd \(name)`")
        }
        try store.addUser(PortalUser(name: name, scope: scope.description, email: email,
                                     passwordHash: Bcrypt.hash(password, cost: cost), createdAt: now()))
    }

    public func list() throws -> [PortalUser] { try store.users() }

    public func setPassword(name: String, password: String) throws {
        try Self.check(password)
        guard try store.setPasswordHash(user: name, hash: Bcrypt.hash(password, cost: cost)) else {
            throw Refusal(description: "no user `\(name)`; `kam user list` shows who there is")
        }
    }

    public func disable(name: String) throws {
        guard try store.disableUser(name, at: now()) else {
            throw Refusal(description: "no user `\(name)`; `kam user list` shows who there is")
        }
    }

    /// A new bearer token for `name` (shown once; only its SHA-256 is kept). With `revokingOthers`
    /// the user's earlier tokens stop working.
    public func newToken(name: String, revokingOthers: Bool) throws -> String {
        guard let user = try store.user(named: name) else {
            throw Refusal(description: "no user `\(name)`; `kam user list` shows who there is")
        }
        guard !user.disabled else { throw Refusal(description: "user `\(name)` is disabled; a disabled user gets no token") }
        let token = "kam_" + Secret.make()
        try store.addToken(user: name, tokenHash: Secret.hash(token), at: now(), revokingOthers: revokingOthers)
        return token
    }

    public func revokeTokens(name: String) throws -> Int {
        guard try store.user(named: name) != nil else {
            throw Refusal(description: "no user `\(name)`; `kam user list` shows who there is")
        }
        return try store.revokeTokens(user: name, at: now())
    }

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }

    static func check(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw Refusal(description: "the password must have at least \(minimumPasswordLength) characters")
        }
        // bcrypt reads only the first 72 bytes: a longer password would be cut without a word.
        guard password.utf8.count <= 72 else { throw Refusal(description: "the password must be at most 72 bytes (bcrypt's limit)") }
    }
}
