import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import KamPortal

/// SPEC §10's access rule at the HTTP level, exhaustively: every scope × every resource kind
/// (current workbook, superseded revision, manifest, receipt, upload target). The allowed set is
/// written out by hand here — not derived from `Visibility` — so a change to the rule shows up.
@Suite struct AccessMatrixTests {
    /// Who may fetch each resource; everyone else must get 404.
    static let allowed: [String: Set<String>] = [
        "W_HG01": ["hg01", "mchem", "mall", "hq", "admin"],
        "W_HG01_r1": ["hg01", "mchem", "mall", "hq", "admin"],
        "W_HG02": ["hg02", "mchem", "mall", "hq", "admin"],
        "W_YY01": ["yy01", "mall", "hq", "admin"],
        "LS_chem": ["mchem", "mall", "hq", "admin"],
        "LS_pharma": ["mall", "hq", "admin"],
        "HQ": ["hq", "admin"],
        "MANIFEST": ["hq", "admin"],
        "R_HG01": ["hg01", "mchem", "mall", "hq", "admin"],
        "R_HG02": ["hg02", "mchem", "mall", "hq", "admin"],
        "R_YY01": ["yy01", "mall", "hq", "admin"],
        "UPLOAD": ["hg01", "hg02", "yy01"],
    ]

    @Test func everyScopeGetsExactlyItsOwnResourcesAndA404ForEveryOther() async throws {
        let ws = try PortalWorkspace()
        var made: [String: (cookie: String, csrf: String)] = [:]
        for user in PortalWorkspace.users.keys { made[user] = try ws.session(user) }
        let sessions = made
        try await ws.app.test(.router) { client in
            for user in PortalWorkspace.users.keys.sorted() {
                let s = sessions[user]!
                let cookie = headers([(.cookie, s.cookie)])
                for (key, path) in PortalWorkspace.files {
                    let r = try await client.execute(uri: encoded("/reports/", path), method: .get, headers: cookie)
                    let expected: HTTPResponse.Status = Self.allowed[key]!.contains(user) ? .ok : .notFound
                    #expect(r.status == expected, "\(user) GET \(key): \(r.status)")
                    if r.status == .ok { #expect(String(buffer: r.body) == "file:\(path)", "\(user) \(key) served the wrong file") }
                }
                for (key, path) in PortalWorkspace.receipts {
                    let r = try await client.execute(uri: encoded("/receipts/", path.replacingOccurrences(of: "/receipts/", with: "/")),
                                                     method: .get, headers: cookie)
                    let expected: HTTPResponse.Status = Self.allowed[key]!.contains(user) ? .ok : .notFound
                    #expect(r.status == expected, "\(user) GET \(key): \(r.status)")
                }
                let sub = PortalWorkspace.users[user]!.hasPrefix("subsidiary:") ? String(PortalWorkspace.users[user]!.dropFirst(11)) : "HG01"
                let period = sub == "YY01" ? "2026-09" : "2026Q3"
                let form = multipart(file: "sales_\(period).csv", bytes: Array("date,customer_id,customer_name,amount\n2026-09-01,C1,甲,10.00\n".utf8))
                let r = try await client.execute(uri: "/upload?csrf=\(s.csrf)", method: .post,
                                                 headers: headers([(.cookie, s.cookie), (.contentType, form.contentType)]), body: form.body)
                let expected: HTTPResponse.Status = Self.allowed["UPLOAD"]!.contains(user) ? .ok : .notFound
                #expect(r.status == expected, "\(user) POST /upload: \(r.status) \(String(buffer: r.body).suffix(300))")
                // An unknown address is the same 404 for everyone.
                let unknown = try await client.execute(uri: "/reports/2026Q1/subsidiary/XX99_2026Q1_客户销售报表.xlsx", method: .get, headers: cookie)
                #expect(unknown.status == .notFound)
            }
        }
        // Placed only in each subsidiary's own folder.
        #expect(ws.dropFiles("HG01").contains("sales_2026Q3.csv"))
        #expect(ws.dropFiles("HG02").contains("sales_2026Q3.csv"))
        #expect(ws.dropFiles("YY01").contains("sales_2026-09.csv"))
    }

    @Test func listsShowOnlyWhatTheScopeMaySee() async throws {
        let ws = try PortalWorkspace()
        let hg01 = try ws.session("hg01"), mchem = try ws.session("mchem")
        try await ws.app.test(.router) { client in
            let mine = String(buffer: try await client.execute(uri: "/reports", method: .get, headers: headers([(.cookie, hg01.cookie)])).body)
            #expect(mine.contains("HG01_2026Q1_客户销售报表.xlsx"))
            #expect(mine.contains("HG01_2026Q1_客户销售报表_r1.xlsx"))
            #expect(!mine.contains("HG02"))
            #expect(!mine.contains("汇总分析表"))
            #expect(!mine.contains("manifest"))
            let receipts = String(buffer: try await client.execute(uri: "/receipts", method: .get, headers: headers([(.cookie, hg01.cookie)])).body)
            #expect(receipts.contains("HG01") && !receipts.contains("HG02") && !receipts.contains("YY01"))
            let line = String(buffer: try await client.execute(uri: "/reports", method: .get, headers: headers([(.cookie, mchem.cookie)])).body)
            #expect(line.contains("HG02_2026Q1") && line.contains("化工_2026Q1_汇总分析表") && !line.contains("YY01") && !line.contains("医药_"))
            let home = String(buffer: try await client.execute(uri: "/", method: .get, headers: headers([(.cookie, mchem.cookie)])).body)
            #expect(home.contains("HG01 华东化工有限公司") && !home.contains("YY01"))
        }
    }
}
