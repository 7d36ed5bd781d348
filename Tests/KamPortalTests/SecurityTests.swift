import Foundation
import HTTPTypes
import HummingbirdTesting
import KamStore
import NIOCore
import Testing
@testable import KamPortal

/// The refusals of SPEC §10: traversal, another subsidiary's code, disabled and expired
/// sessions, CSRF, the login lock, cookie flags, password hashing and the access record.
@Suite struct SecurityTests {
    @Test func traversalEncodedSlashesAndAbsolutePathsAre404EvenForHQ() async throws {
        let ws = try PortalWorkspace()
        let hq = try ws.session("hq")
        try "secret".write(to: ws.root.appendingPathComponent("outside.txt"), atomically: true, encoding: .utf8)
        try await ws.app.test(.router) { client in
            for uri in ["/reports/../kam.yaml", "/reports/..%2Fkam.yaml", "/reports/%2E%2E/kam.yaml", "/reports/2026Q1%2F..%2F..%2Foutside.txt",
                        "/reports//etc/passwd", "/reports/%2Fetc%2Fpasswd", "/reports/2026Q1/subsidiary/../../../var/kam.sqlite",
                        "/receipts/HG01/..%2F..%2Fkam.yaml", "/receipts/..%2FHG01/receipts/x", "/receipts/HG01/receipts/sales_2026Q1.csv.receipt.csv",
                        "/receipts/%2Fetc/passwd", "/reports/2026Q1/subsidiary/HG01_2026Q1_%E5%AE%A2%E6%88%B7%E9%94%80%E5%94%AE%E6%8A%A5%E8%A1%A8.xlsx%00.txt"] {
                let r = try await client.execute(uri: uri, method: .get, headers: headers([(.cookie, hq.cookie)]))
                #expect(r.status == .notFound, "\(uri): \(r.status)")
                #expect(!String(buffer: r.body).contains("secret") && !String(buffer: r.body).contains("root:"))
            }
        }
    }

    @Test func anotherSubsidiarysCodeInTheURLIsTheSame404AsOneThatDoesNotExist() async throws {
        let ws = try PortalWorkspace()
        let hg01 = try ws.session("hg01")
        try await ws.app.test(.router) { client in
            let other = try await client.execute(uri: "/receipts/HG02/sales_2026Q1.csv.receipt.csv", method: .get, headers: headers([(.cookie, hg01.cookie)]))
            let none = try await client.execute(uri: "/receipts/ZZ99/sales_2026Q1.csv.receipt.csv", method: .get, headers: headers([(.cookie, hg01.cookie)]))
            #expect(other.status == .notFound && none.status == .notFound)
            #expect(String(buffer: other.body) == String(buffer: none.body))
            let form = multipart(file: "sales_2026Q3.csv", bytes: Array("date,customer_id,customer_name,amount\n2026-09-01,C1,甲,1\n".utf8))
            let viaQuery = try await client.execute(uri: "/upload?csrf=\(hg01.csrf)&subsidiary=HG02", method: .post,
                                                    headers: headers([(.cookie, hg01.cookie), (.contentType, form.contentType)]), body: form.body)
            #expect(viaQuery.status == .notFound)
            let form2 = multipart(file: "sales_2026Q3.csv", bytes: Array("date,customer_id,customer_name,amount\n2026-09-01,C1,甲,1\n".utf8),
                                  fields: ["subsidiary": "HG02"])
            let viaField = try await client.execute(uri: "/upload?csrf=\(hg01.csrf)", method: .post,
                                                    headers: headers([(.cookie, hg01.cookie), (.contentType, form2.contentType)]), body: form2.body)
            #expect(viaField.status == .notFound)
        }
        #expect(ws.dropFiles("HG02").isEmpty)
        #expect(ws.dropFiles("HG01").isEmpty)  // the refused upload's temporary file is gone too
    }

    @Test func aDisabledUsersLiveSessionAndTokenStopAtOnce() async throws {
        let ws = try PortalWorkspace()
        let s = try ws.session("hg01")
        let admin = UserAdmin(store: ws.store, config: ws.config, bcryptCost: 4)
        let token = try admin.newToken(name: "hg01", revokingOthers: true)
        let path = encoded("/reports/", PortalWorkspace.files["W_HG01"]!)
        try await ws.app.test(.router) { client in
            #expect(try await client.execute(uri: path, method: .get, headers: headers([(.cookie, s.cookie)])).status == .ok)
            #expect(try await client.execute(uri: "/api/status", method: .get, headers: headers([(.authorization, "Bearer \(token)")])).status == .ok)
            try admin.disable(name: "hg01")
            let after = try await client.execute(uri: path, method: .get, headers: headers([(.cookie, s.cookie)]))
            #expect(after.status == .seeOther && after.headers[.location] == "/login")
            #expect(try await client.execute(uri: "/api/status", method: .get, headers: headers([(.authorization, "Bearer \(token)")])).status == .unauthorized)
            let login = try await Self.login(client, "hg01", PortalWorkspace.password)
            #expect(login.status == .unauthorized)
        }
    }

    @Test func aSessionIdleLongerThanSessionHoursIsOver() async throws {
        let ws = try PortalWorkspace()
        let s = try ws.session("hq")
        try await ws.app.test(.router) { client in
            ws.clock.advance(7 * 3600)
            #expect(try await client.execute(uri: "/", method: .get, headers: headers([(.cookie, s.cookie)])).status == .ok)
            ws.clock.advance(7 * 3600)  // 7 h since the last request: still within 8 h idle
            #expect(try await client.execute(uri: "/", method: .get, headers: headers([(.cookie, s.cookie)])).status == .ok)
            ws.clock.advance(8 * 3600 + 1)
            let r = try await client.execute(uri: "/", method: .get, headers: headers([(.cookie, s.cookie)]))
            #expect(r.status == .seeOther && r.headers[.location] == "/login")
        }
    }

    @Test func aMissingOrWrongCSRFTokenIsRefusedAndChangesNothing() async throws {
        let ws = try PortalWorkspace()
        let s = try ws.session("hg01")
        try await ws.app.test(.router) { client in
            let form = multipart(file: "sales_2026Q3.csv", bytes: Array("date,customer_id,customer_name,amount\n2026-09-01,C1,甲,1\n".utf8))
            for uri in ["/upload", "/upload?csrf=", "/upload?csrf=\(String(s.csrf.reversed()))"] {
                let r = try await client.execute(uri: uri, method: .post, headers: headers([(.cookie, s.cookie), (.contentType, form.contentType)]),
                                                 body: form.body)
                #expect(r.status == .forbidden, "\(uri)")
            }
            #expect(ws.dropFiles("HG01").isEmpty)
            // Logout without the token does not end the session.
            let out = try await client.execute(uri: "/logout", method: .post,
                                               headers: headers([(.cookie, s.cookie), (.contentType, "application/x-www-form-urlencoded")]),
                                               body: ByteBuffer(string: "csrf=wrong"))
            #expect(out.status == .forbidden)
            #expect(try await client.execute(uri: "/", method: .get, headers: headers([(.cookie, s.cookie)])).status == .ok)
            // A login form posted without its cookie (from another site) is refused.
            let forged = try await client.execute(uri: "/login", method: .post, headers: headers([(.contentType, "application/x-www-form-urlencoded")]),
                                                  body: ByteBuffer(string: "csrf=abc&name=hg01&password=\(PortalWorkspace.password)"))
            #expect(forged.status == .forbidden && forged.headers[.setCookie]?.contains("kam_session=") != true)
            // With the token, logout ends the session.
            let ok = try await client.execute(uri: "/logout", method: .post,
                                              headers: headers([(.cookie, s.cookie), (.contentType, "application/x-www-form-urlencoded")]),
                                              body: ByteBuffer(string: "csrf=\(s.csrf)"))
            #expect(ok.status == .seeOther)
            #expect(try await client.execute(uri: "/", method: .get, headers: headers([(.cookie, s.cookie)])).status == .seeOther)
        }
    }

    @Test func fiveFailuresInFifteenMinutesLockTheNameForFifteen() async throws {
        let ws = try PortalWorkspace()
        try await ws.app.test(.router) { client in
            for _ in 0..<5 {
                #expect(try await Self.login(client, "hq", "wrong-password").status == .unauthorized)
                ws.clock.advance(60)
            }
            let locked = try await Self.login(client, "hq", PortalWorkspace.password)
            #expect(locked.status == .tooManyRequests)
            #expect(String(buffer: locked.body).contains("已锁定"))
            ws.clock.advance(14 * 60 - 1)  // the clock is 1 min past the 5th failure: 15 min after it, less a second
            #expect(try await Self.login(client, "hq", PortalWorkspace.password).status == .tooManyRequests)
            ws.clock.advance(2)
            let ok = try await Self.login(client, "hq", PortalWorkspace.password)
            #expect(ok.status == .seeOther)
            // Another name was never locked.
            #expect(try await Self.login(client, "admin", PortalWorkspace.password).status == .seeOther)
        }
        let refused = try ws.store.accessRecords(limit: 100).filter { $0.userName == "hq" && $0.action == "login" }
        #expect(refused.filter { $0.outcome.hasPrefix("refused: locked") }.count == 2)
        #expect(refused.filter { $0.outcome == "ok" }.count == 1)
    }

    @Test func cookiesAreHttpOnlySameSiteStrictAndSecureWhenConfigured() async throws {
        for secure in [false, true] {
            let ws = try PortalWorkspace(portalYAML: "{max_upload_mb: 1, secure_cookies: \(secure)}")
            try await ws.app.test(.router) { client in
                let r = try await Self.login(client, "hq", PortalWorkspace.password)
                let cookie = r.headers[values: .setCookie].first { $0.hasPrefix("kam_session=") } ?? ""
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("Secure") == secure)
            }
        }
    }

    @Test func passwordsAreKeptOnlyAsBcryptHashesAndTokensOnlyAsSHA256() throws {
        let ws = try PortalWorkspace()
        let user = try #require(try ws.store.user(named: "hq"))
        #expect(user.passwordHash.hasPrefix("$2") && !user.passwordHash.contains(PortalWorkspace.password))
        let token = try UserAdmin(store: ws.store, config: ws.config, bcryptCost: 4).newToken(name: "hq", revokingOthers: true)
        #expect(try ws.store.user(tokenHash: token) == nil)
        #expect(try ws.store.user(tokenHash: Secret.hash(token))?.name == "hq")
        #expect(throws: UserAdmin.Refusal.self) { try UserAdmin(store: ws.store, config: ws.config, bcryptCost: 4).add(name: "x", scope: "hq", email: "", password: "short") }
        #expect(throws: UserAdmin.Refusal.self) { try UserAdmin(store: ws.store, config: ws.config, bcryptCost: 4).add(name: "y", scope: "subsidiary:ZZ", email: "", password: "long-enough-1") }
    }

    @Test func aRevokedTokenIsRefusedAndANewOneReplacesTheOld() async throws {
        let ws = try PortalWorkspace()
        let admin = UserAdmin(store: ws.store, config: ws.config, bcryptCost: 4)
        let first = try admin.newToken(name: "hg01", revokingOthers: true)
        let second = try admin.newToken(name: "hg01", revokingOthers: true)
        try await ws.app.test(.router) { client in
            #expect(try await client.execute(uri: "/api/status", method: .get, headers: headers([(.authorization, "Bearer \(first)")])).status == .unauthorized)
            let r = try await client.execute(uri: "/api/status", method: .get, headers: headers([(.authorization, "Bearer \(second)")]))
            #expect(r.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
            #expect(json?["scope"] as? String == "subsidiary:HG01")
            let cells = (json?["last"] as? [[String: Any]] ?? []) + (json?["next"] as? [[String: Any]] ?? [])
            #expect(!cells.isEmpty && cells.allSatisfy { $0["subsidiary"] as? String == "HG01" })
            _ = try admin.revokeTokens(name: "hg01")
            #expect(try await client.execute(uri: "/api/status", method: .get, headers: headers([(.authorization, "Bearer \(second)")])).status == .unauthorized)
        }
    }

    @Test func theAccessRecordHasEveryLoginUploadAndDownload() async throws {
        let ws = try PortalWorkspace()
        try await ws.app.test(.router) { client in
            let login = try await Self.login(client, "hg01", PortalWorkspace.password)
            let cookie = login.headers[values: .setCookie].first { $0.hasPrefix("kam_session=") }!.split(separator: ";")[0]
            _ = try await client.execute(uri: encoded("/reports/", PortalWorkspace.files["W_HG01"]!), method: .get, headers: headers([(.cookie, String(cookie))]))
            _ = try await client.execute(uri: encoded("/reports/", PortalWorkspace.files["W_HG02"]!), method: .get, headers: headers([(.cookie, String(cookie))]))
        }
        let records = try ws.store.accessRecords(limit: 10)
        #expect(records.contains { $0.action == "login" && $0.userName == "hg01" && $0.outcome == "ok" })
        #expect(records.contains { $0.action == "download" && $0.what.hasSuffix("HG01_2026Q1_客户销售报表.xlsx") && $0.outcome == "ok" })
        #expect(records.contains { $0.action == "download" && $0.what.contains("HG02") && $0.outcome.hasPrefix("not found") })
    }

    /// Logs in as a browser does: the login page's cookie and hidden token, then the form.
    static func login(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws -> TestResponse {
        let page = try await client.execute(uri: "/login", method: .get)
        let cookie = page.headers[values: .setCookie].first { $0.hasPrefix("kam_login=") }!.split(separator: ";")[0]
        let token = String(cookie.dropFirst("kam_login=".count))
        let body = "csrf=\(token)&name=\(name)&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        return try await client.execute(uri: "/login", method: .post,
                                        headers: headers([(.cookie, String(cookie)), (.contentType, "application/x-www-form-urlencoded")]),
                                        body: ByteBuffer(string: body))
    }
}
