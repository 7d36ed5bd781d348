import Foundation
import Testing

/// `kam validate` and `kam ingest` as a clerk and an operator use them.
@Suite(.serialized) struct IngestCommandsEndToEndTests {
    func temp() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kam-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func validatePrintsTheReceiptAndExitsByVerdict() throws {
        let dir = try temp().appendingPathComponent("HG01")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let good = dir.appendingPathComponent("receivables_2026Q3.csv")
        try Data("customer_id,receivable,overdue,collected\nC1,\"1,000.00\",0,5\n".utf8).write(to: good)
        let ok = try KamBinary.kam("validate", good.path)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("\u{FEFF}项目,内容\r\n状态,接受\r\n分公司,HG01\r\n"))
        #expect(ok.stdout.contains("应收余额合计(元),1000.00\r\n"))

        let bad = dir.appendingPathComponent("visits_2026-09.csv")
        try Data("date,customer_id,visitor,role\n".utf8).write(to: bad)
        let no = try KamBinary.kam("validate", bad.path)
        #expect(no.status == 1)
        #expect(no.stdout.contains("状态,拒绝"))
        #expect(no.stdout.contains("必须是季度"))
        // Given explicitly, the kind and period override the name.
        let asQuarter = try KamBinary.kam("validate", bad.path, "--period", "2026Q3")
        #expect(asQuarter.status == 0, "\(asQuarter.stdout)")
        #expect(asQuarter.stdout.contains("警告,"))
    }

    /// `kam validate` streams the file (issue 13: it read it whole, 1.25 GB for 600 MB) and
    /// answers with the same receipt: checksum of the bytes, totals, every kind of problem.
    @Test func validateStreamsAndChecksumsTheFile() throws {
        let dir = try temp().appendingPathComponent("HG01")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var text = "日期,客户编码,客户名称,金额,成本\n"
        for i in 0..<20_000 { text += "2026-09-\(1 + i % 28),C\(i % 300),客户\(i % 300),\"1,234.50\",1000\n" }
        text += "2026-09-30,Ｃ1,甲,1,0\n"
        let bytes = Data(text.utf8)
        let good = dir.appendingPathComponent("sales_2026-09.csv")
        try bytes.write(to: good)
        let sha = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [good.path]).stdout.prefix(64)
        let r = try KamBinary.kam("validate", good.path)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("SHA-256,\(sha)\r\n"))
        #expect(r.stdout.contains("有效行数,20000\r\n"))
        #expect(r.stdout.contains("金额合计(元),24690000.00\r\n"))
        #expect(r.stdout.contains("成本合计(元),20000000.00\r\n"))
        #expect(r.stdout.contains("客户编码含全角字母或数字(U+FF23 Ｃ)"))
        // Kind and period given: read from disk the same way.
        let renamed = dir.appendingPathComponent("export.csv")
        try bytes.write(to: renamed)
        let given = try KamBinary.kam("validate", renamed.path, "--kind", "sales", "--period", "2026-09")
        #expect(given.status == 1)
        #expect(given.stdout.contains("有效行数,20000\r\n") && given.stdout.contains("SHA-256,\(sha)\r\n"))
        let strictPeriod = try KamBinary.kam("validate", renamed.path, "--kind", "sales", "--period", "+202-09")
        #expect(strictPeriod.status != 0)
        #expect(strictPeriod.stderr.contains("--period must be YYYY-MM or YYYYQn"))
        let missing = try KamBinary.kam("validate", dir.appendingPathComponent("sales_2026-08.csv").path)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot read"))
        #expect(missing.stderr.contains("No such file"))
    }

    @Test func ingestStoresEveryKindAndWritesReceipts() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let drop = ws.appendingPathComponent("drop/YY01")
        try Data("customer_id,approved_limit\nC1,100\n=1+1,5\n=1+1,6\n".utf8).write(to: drop.appendingPathComponent("approvals_2026Q3.csv"))
        let r = try KamBinary.kam("ingest", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("YY01/approvals_2026Q3.csv: 拒绝"))
        #expect(r.stdout.contains("ingested: 4 accepted, 2 rejected, 0 unchanged"))
        let receipt = try String(contentsOf: drop.appendingPathComponent("receipts/approvals_2026Q3.csv.receipt.csv"), encoding: .utf8)
        // The formula-looking id from the file is written inert.
        #expect(receipt.contains("\r\n4,customer_id,'=1+1,"))
        // The staged copies are gone; the archive holds one file per distinct content.
        let archive = ws.appendingPathComponent("var/archive")
        let archived = try FileManager.default.subpathsOfDirectory(atPath: archive.path)
        #expect(!archived.contains { $0.contains(".incoming") || $0.hasSuffix(".tmp") })
        #expect(archived.filter { $0.hasSuffix(".csv") }.count == 6)
        let again = try KamBinary.kam("ingest", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(again.stdout.contains("ingested: 0 accepted, 0 rejected, 2 unchanged"))
    }
}
