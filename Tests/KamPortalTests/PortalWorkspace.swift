import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KamConfig
import KamIngest
import KamPolicy
import KamStore
import Logging
import NIOCore
import Testing
@testable import KamPortal

/// A clock the tests move (session expiry, the login lock).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64
    init(_ start: Int64) { value = start }
    var now: Int64 { lock.withLock { value } }
    func advance(_ seconds: Int64) { lock.withLock { value += seconds } }
}

/// A workspace on disk with three subsidiaries in two lines, delivered workbooks of every tier
/// (one with a superseded revision), a manifest, receipts, and one user per scope.
final class PortalWorkspace: Sendable {
    let root: URL
    let config: KamConfiguration
    let store: KamStore
    let clock = TestClock(1_790_000_000)  // 2026-09
    let portal: Portal
    static let password = "correct-horse-1"

    /// Workbook paths below reports/ by a short name.
    static let files: [String: String] = [
        "W_HG01": "2026Q1/subsidiary/HG01_2026Q1_客户销售报表.xlsx",
        "W_HG01_r1": "2026Q1/subsidiary/superseded/HG01_2026Q1_客户销售报表_r1.xlsx",
        "W_HG02": "2026Q1/subsidiary/HG02_2026Q1_客户销售报表.xlsx",
        "W_YY01": "2026-03/subsidiary/YY01_2026-03_客户销售报表.xlsx",
        "LS_chem": "2026Q1/management/化工_2026Q1_汇总分析表.xlsx",
        "LS_pharma": "2026Q1/management/医药_2026Q1_汇总分析表.xlsx",
        "HQ": "2026Q1/hq/集团_2026Q1_集团季度报表.xlsx",
        "MANIFEST": "2026Q1/manifest.json",
    ]
    static let receipts: [String: String] = [
        "R_HG01": "HG01/receipts/sales_2026Q1.csv.receipt.csv",
        "R_HG02": "HG02/receipts/sales_2026Q1.csv.receipt.csv",
        "R_YY01": "YY01/receipts/sales_2026-03.csv.receipt.csv",
    ]
    static let users: [String: String] = [
        "hg01": "subsidiary:HG01", "hg02": "subsidiary:HG02", "yy01": "subsidiary:YY01", "mchem": "management:chem",
        "mall": "management", "hq": "hq", "admin": "admin", "op": "operator",
    ]

    init(portalYAML: String = "{max_upload_mb: 1}") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kam-portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let yaml = """
        timezone: Asia/Shanghai
        since: 2026-01
        paths: {drop: drop, reports: reports, data: var}
        business_lines:
          - {code: chem, name: 化工, cadence: quarterly}
          - {code: pharma, name: 医药, cadence: monthly}
        subsidiaries:
          - {code: HG01, name: 华东化工有限公司, line: chem}
          - {code: HG02, name: 华南化工有限公司, line: chem}
          - {code: YY01, name: 华北医药有限公司, line: pharma}
        portal: \(portalYAML)
        """
        let file = root.appendingPathComponent("kam.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        config = try KamConfiguration.load(path: file.path)
        for folder in [config.dropFolder, config.reportsFolder, config.dataFolder] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        store = try KamStore(path: config.dataFolder.appendingPathComponent("kam.sqlite").path)
        let clock = self.clock
        portal = try Portal(config: config, store: store, bcryptCost: 4, now: { clock.now })
        try deliver("sales-report", "HG01", "2026Q1", revision: 1, path: Self.files["W_HG01"]!)
        try deliver("sales-report", "HG01", "2026Q1", revision: 2, path: Self.files["W_HG01"]!)
        try write(Self.files["W_HG01_r1"]!, under: config.reportsFolder)
        try deliver("sales-report", "HG02", "2026Q1", revision: 1, path: Self.files["W_HG02"]!)
        try deliver("sales-report", "YY01", "2026-03", revision: 1, path: Self.files["W_YY01"]!)
        try deliver("line-summary", "chem", "2026Q1", revision: 1, path: Self.files["LS_chem"]!)
        try deliver("line-summary", "pharma", "2026Q1", revision: 1, path: Self.files["LS_pharma"]!)
        try deliver("hq-quarterly", "集团", "2026Q1", revision: 1, path: Self.files["HQ"]!)
        try write(Self.files["MANIFEST"]!, under: config.reportsFolder)
        for (key, path) in Self.receipts {
            let sub = String(path.prefix(4))
            let name = String(path.split(separator: "/")[2].dropLast(".receipt.csv".count))
            try write(path, under: config.dropFolder)
            try store.recordRejected(Submission(subsidiary: sub, kind: .sales, period: key == "R_YY01" ? .month(YearMonth(year: 2026, month: 3))
                                                    : .quarter(year: 2026, quarter: 1),
                                                fileName: name, sha256: key, receivedAt: clock.now, status: .rejected,
                                                encoding: "utf-8", rowCount: 1, badRowCount: 1, problemCount: 1, hasCost: false,
                                                amountTotal: 0, costTotal: 0, archivePath: "", receiptPath: path))
        }
        let admin = UserAdmin(store: store, config: config, bcryptCost: 4, now: { clock.now })
        for (name, scope) in Self.users { try admin.add(name: name, scope: scope, email: "", password: Self.password) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The bytes every served file holds: its own path, so a test sees which file came back.
    func write(_ relative: String, under folder: URL) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("file:\(relative)".utf8).write(to: url)
    }

    func deliver(_ job: String, _ owner: String, _ period: String, revision: Int, path: String) throws {
        try write(path, under: config.reportsFolder)
        try store.recordDelivery(Delivery(job: job, owner: owner, period: try #require(Period(storedText: period)), revision: revision, fireTime: "2026-04-06T07:00",
                                          path: path, sha256: "sha-\(path)-r\(revision)", inputs: "", reason: "首次生成",
                                          deliveredAt: clock.now), statuses: [])
    }

    /// A live session for `user`, as its cookie header, with the session's CSRF token.
    func session(_ user: String) throws -> (cookie: String, csrf: String) {
        let id = Secret.make(), csrf = Secret.make()
        try store.addSession(PortalSession(idHash: Secret.hash(id), userName: user, csrf: csrf, createdAt: clock.now, lastSeenAt: clock.now))
        return ("\(Portal.sessionCookie)=\(id)", csrf)
    }

    var app: some ApplicationProtocol {
        buildPortalApplication(portal, host: "127.0.0.1", port: 0, logger: Logger(label: "test"))
    }

    /// Files in a subsidiary's drop folder (dot-files included), sorted.
    func dropFiles(_ sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: config.dropFolder.appendingPathComponent(sub).path)) ?? [])
            .filter { $0 != "receipts" }.sorted()
    }
}

/// A multipart/form-data body with a `file` part and text fields.
func multipart(file name: String, bytes: [UInt8], fields: [String: String] = [:]) -> (body: ByteBuffer, contentType: String) {
    let boundary = "----kamtest\(UInt32.random(in: 0...UInt32.max))"
    var out: [UInt8] = []
    for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
        out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
    }
    out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
    out += bytes
    out += Array("\r\n--\(boundary)--\r\n".utf8)
    return (ByteBuffer(bytes: out), "multipart/form-data; boundary=\(boundary)")
}

func headers(_ pairs: [(HTTPField.Name, String)]) -> HTTPFields {
    var h = HTTPFields()
    for (k, v) in pairs { h.append(HTTPField(name: k, value: v)) }
    return h
}

/// A path below a prefix with each segment percent-encoded, as a browser sends it.
func encoded(_ prefix: String, _ path: String) -> String {
    prefix + path.split(separator: "/").map {
        String($0).addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }.joined(separator: "/")
}
