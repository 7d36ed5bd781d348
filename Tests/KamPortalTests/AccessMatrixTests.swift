import Foundation
import HTTPTypes
import HummingbirdTesting
import KamPolicy
import KamStore
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

    /// 首页 for 总管理部 and HQ shows 超限 counts per subsidiary (SPEC §10) from each subsidiary's
    /// latest delivered 客户资信报表 — the counts its own 概览 states, kept with the delivery — and
    /// nothing of a subsidiary outside the scope.
    @Test func theGroupHomeShowsEachSubsidiarysLatestCreditCounts() async throws {
        let ws = try PortalWorkspace()
        func credit(_ owner: String, _ period: String, _ figures: String) throws {
            let path = "\(period)/subsidiary/\(owner)_\(period)_客户资信报表.xlsx"
            try ws.write(path, under: ws.config.reportsFolder)
            try ws.store.recordDelivery(Delivery(job: "credit-report", owner: owner, period: try #require(Period(storedText: period)), revision: 1, fireTime: "2026-04-06T07:00",
                                                 path: path, sha256: "sha-\(path)", inputs: "", reason: "首次生成",
                                                 deliveredAt: ws.clock.now, figures: figures), statuses: [])
        }
        try credit("HG01", "2025Q4", #"{"noLimit":9,"overLimit":9,"receivablesMissing":false,"warning":9}"#)
        try credit("HG01", "2026Q1", #"{"noLimit":1,"overLimit":3,"receivablesMissing":false,"warning":2}"#)
        try credit("HG02", "2026Q1", #"{"noLimit":0,"overLimit":0,"receivablesMissing":true,"warning":0}"#)
        try credit("YY01", "2026Q1", #"{"noLimit":0,"overLimit":7,"receivablesMissing":false,"warning":0}"#)
        let mchem = try ws.session("mchem"), hg01 = try ws.session("hg01")
        try await ws.app.test(.router) { client in
            let home = String(buffer: try await client.execute(uri: "/", method: .get, headers: headers([(.cookie, mchem.cookie)])).body)
            let table = try #require(home.components(separatedBy: "<table id=\"credit\">").dropFirst().first?.components(separatedBy: "</table>").first)
            #expect(table.contains("<td>HG01 华东化工有限公司</td><td>2026Q1</td><td class=\"missing\">3</td><td>2</td><td>1</td>"), "\(table)")
            #expect(table.contains("未报送应收账款"), "HG02's receivables were missing: \(table)")
            #expect(!table.contains("YY01") && !table.contains(">7<"), "another line's subsidiary: \(table)")
            let own = String(buffer: try await client.execute(uri: "/", method: .get, headers: headers([(.cookie, hg01.cookie)])).body)
            #expect(!own.contains("id=\"credit\""), "a clerk's 首页 has no group table")
        }
    }
}
