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
        let receiptFile = try #require(KamBinary.receipts(in: drop.appendingPathComponent("receipts"), for: "approvals_2026Q3.csv").first)
        let receipt = try String(contentsOf: receiptFile, encoding: .utf8)
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

    /// SPEC §8: receipts are also xlsx, with ids and values as text, and a later file of the same
    /// name never overwrites an earlier receipt — each receipt's name carries its received time.
    @Test func everyFileOfOneNameKeepsItsOwnReceiptsAndTheXlsxKeepsIdsAsText() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let drop = ws.appendingPathComponent("drop/YY01"), receipts = drop.appendingPathComponent("receipts")
        let file = drop.appendingPathComponent("visits_2026Q3.csv")
        func put(_ text: String, at unix: TimeInterval) throws {
            try Data(text.utf8).write(to: file)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: unix)], ofItemAtPath: file.path)
        }
        func ingest() throws -> String {
            let r = try KamBinary.kam("ingest", "--config", config, "--as-of", "2026-10-06T07:00")
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
            return r.stdout
        }
        let header = "date,customer_id,visitor,role\n"
        // 2026-10-02 10:00 in Shanghai: rejected, a date cell that Excel would show as 1000.
        try put(header + "001000,001000,张伟,销售代表\n", at: 1_790_906_400)
        #expect(try ingest().contains("YY01/visits_2026Q3.csv: 拒绝"))
        // The corrected file, same name, a day later: accepted; the first receipts stay.
        try put(header + "2026-09-01,001000,张伟,销售代表\n", at: 1_790_996_405)
        #expect(try ingest().contains("YY01/visits_2026Q3.csv: 接受"))
        // Another file of that name received in the very same second: a receipt of its own too.
        try put(header + "2026-09-02,001000,张伟,销售代表\n", at: 1_790_996_405)
        #expect(try ingest().contains("YY01/visits_2026Q3.csv: 接受"))

        let csv = KamBinary.receipts(in: receipts, for: "visits_2026Q3.csv").map(\.lastPathComponent)
        #expect(csv == ["visits_2026Q3.csv.20261002-100000.receipt.csv", "visits_2026Q3.csv.20261003-110005-2.receipt.csv",
                        "visits_2026Q3.csv.20261003-110005.receipt.csv"], "\(csv)")
        let xlsx = KamBinary.receipts(in: receipts, for: "visits_2026Q3.csv", ext: "xlsx")
        #expect(xlsx.map(\.lastPathComponent) == csv.map { $0.replacingOccurrences(of: ".receipt.csv", with: ".receipt.xlsx") })
        let first = try String(contentsOf: receipts.appendingPathComponent(csv[0]), encoding: .utf8)
        #expect(first.contains("状态,拒绝") && first.contains("\r\n2,date,001000,"), "\(first)")
        #expect(try String(contentsOf: receipts.appendingPathComponent(csv[2]), encoding: .utf8).contains("状态,接受"))

        // The rejected file's xlsx receipt, read back: every value a text cell formatted `@`,
        // `001000` as written, and Excel told not to flag digits stored as text.
        let read = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
            import openpyxl, sys, zipfile
            wb = openpyxl.load_workbook(sys.argv[1])
            assert wb.sheetnames == ["回执", "错误明细"], wb.sheetnames
            facts = {r[0].value: r[1] for r in wb["回执"].iter_rows(min_row=2)}
            assert facts["状态"].value == "拒绝", facts["状态"].value
            assert facts["文件"].value == "visits_2026Q3.csv"
            assert facts["接收时间"].value == "2026-10-02 10:00", facts["接收时间"].value
            for label, cell in facts.items():
                assert cell.data_type == "s" and cell.number_format == "@", (label, cell.value, cell.data_type, cell.number_format)
            assert facts["有效行数"].value == "0" and facts["错误行数"].value == "1"
            problems = wb["错误明细"]
            assert [c.value for c in problems[1]] == ["行号", "列", "值", "原因"]
            line, column, value, reason = problems[2]
            assert line.value == 2 and column.value == "date", (line.value, column.value)
            assert value.value == "001000" and value.data_type == "s" and value.number_format == "@", (value.value, value.number_format)
            assert problems.freeze_panes == "A2" and problems.auto_filter.ref == "A1:D2"
            with zipfile.ZipFile(sys.argv[1]) as z:
                for sheet in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"):
                    assert b'numberStoredAsText="1"' in z.read(sheet), sheet
            print("ok")
            """, xlsx[0].path])
        #expect(read.status == 0 && read.stdout.contains("ok"), "\(read.stdout)\(read.stderr)")
    }
}
