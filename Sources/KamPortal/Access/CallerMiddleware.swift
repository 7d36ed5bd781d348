import Foundation
import Hummingbird
import KamConfig
import KamStore

/// Finds who is asking, once per request: a bearer token (`Authorization: Bearer …`, for
/// scripts) or the session cookie, each checked against the store now — a disabled user, a
/// revoked token or an idle session is nobody.
struct CallerMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var context = context
        // The store is read (and the session touched) off the event loop.
        let request0 = request
        context.caller = try await BlockingWork.run { [self] in try identify(request0) }
        return try await next(request, context)
    }

    func identify(_ request: Request) throws -> Caller? {
        if let auth = request.headers[.authorization] {
            guard auth.hasPrefix("Bearer ") else { return nil }
            let token = String(auth.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard !token.isEmpty, let user = try portal.store.user(tokenHash: Secret.hash(token)),
                  let scope = scope(of: user) else { return nil }
            return Caller(user: user, scope: scope, csrf: nil, sessionHash: nil)
        }
        guard let id = Self.cookie(Portal.sessionCookie, in: request), !id.isEmpty else { return nil }
        let hash = Secret.hash(id)
        guard let (session, user) = try portal.store.touchSession(idHash: hash, now: portal.now(), idleSeconds: portal.sessionIdleSeconds),
              let scope = scope(of: user) else { return nil }
        return Caller(user: user, scope: scope, csrf: session.csrf, sessionHash: hash)
    }

    /// The user's scope as the config knows it now: a scope naming a subsidiary or line no
    /// longer configured gives no access.
    private func scope(of user: PortalUser) -> UserScope? {
        guard case .success(let s) = UserScope.parse(user.scope, organisation: portal.config.organisation) else { return nil }
        return s
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
            }
        }
        return nil
    }
}
