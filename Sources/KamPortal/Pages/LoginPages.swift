import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import KamStore

/// 登录 and 退出 (`POST /login`, `POST /logout`).
extension Portal {
    func loginPage(message: String? = nil, name: String = "", status: HTTPResponse.Status = .ok) -> Response {
        let token = Secret.make()
        var data: [String: Any] = ["csrf": token, "name": name]
        if let message { data["message"] = message }
        return html("login", title: "登录", data: data, caller: nil, status: status,
                    headers: [.setCookie: cookie(Self.loginCookie, token, maxAge: 3600)])
    }

    func login(_ request: Request, context: PortalContext) async throws -> Response {
        let fields = try await Self.form(request)
        let address = Self.address(request, context)
        let loginCookie = CallerMiddleware.cookie(Self.loginCookie, in: request)
        // bcrypt and the store, off the event loop.
        return try await BlockingWork.run { [self] in try checkLogin(fields: fields, loginCookie: loginCookie, address: address) }
    }

    private func checkLogin(fields: [String: String], loginCookie: String?, address: String) throws -> Response {
        let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = fields["password"] ?? ""
        // The login form carries a token equal to its cookie (double submit): another site cannot
        // log a browser in under an account of its choosing.
        guard let sent = fields["csrf"], let expected = loginCookie,
              !expected.isEmpty, Secret.equal(sent, expected) else {
            record(name, "login", "", address, "refused: missing or wrong CSRF token")
            return loginPage(message: "页面已过期，请重新登录。", name: name, status: .forbidden)
        }
        let t = now()
        if let until = LoginThrottle.lockedUntil(recent: try store.loginFailures(name: name, since: t - LoginThrottle.window - LoginThrottle.lock), now: t) {
            record(name, "login", "", address, "refused: locked until \(until)")
            let minutes = max(1, (until - t + 59) / 60)
            return loginPage(message: "登录失败次数过多，该用户已锁定，请 \(minutes) 分钟后再试。", name: name, status: .tooManyRequests)
        }
        let user = try store.user(named: name)
        // bcrypt runs for an unknown name too, so timing does not tell which names exist.
        let matches = Bcrypt.verify(password, hash: user?.passwordHash ?? Self.dummyHash)
        guard let user, matches, !user.disabled else {
            try store.recordLoginFailure(name: name, at: t)
            record(name, "login", "", address, user?.disabled == true && matches ? "refused: user disabled" : "refused: wrong name or password")
            return loginPage(message: "用户名或密码错误。", name: name, status: .unauthorized)
        }
        try store.clearLoginFailures(name: name)
        let id = Secret.make()
        try store.addSession(PortalSession(idHash: Secret.hash(id), userName: user.name, csrf: Secret.make(), createdAt: t, lastSeenAt: t))
        record(user.name, "login", "", address, "ok")
        return Self.redirect("/", cookies: [cookie(Self.sessionCookie, id, maxAge: Int(sessionIdleSeconds)),
                                            cookie(Self.loginCookie, "", maxAge: 0)])
    }

    func logout(_ request: Request, context: PortalContext) async throws -> Response {
        guard let caller = context.caller else { return Self.redirect("/login") }
        let fields = try await Self.form(request)
        guard let hash = caller.sessionHash, let csrf = caller.csrf, Secret.equal(fields["csrf"] ?? "", csrf) else {
            return html("notFound", title: "拒绝", data: [:], caller: caller, status: .forbidden)
        }
        let address = Self.address(request, context), name = caller.user.name
        try await BlockingWork.run { [self] in
            try store.deleteSession(idHash: hash)
            record(name, "logout", "", address, "ok")
        }
        return Self.redirect("/login", cookies: [cookie(Self.sessionCookie, "", maxAge: 0)])
    }

    /// A bcrypt hash of nothing anyone types, to spend the same time on unknown names.
    static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5sQOKsr0pqF2bEx6v.Cz2nItE4z1LzK"
}
