import Foundation
import Testing

/// Issue 13, through the built `kam`: what an unlucky operator or a hostile drop folder does
/// in a real server room (SPEC §8 "Safety of what was delivered"). Each case fails on the
/// build before the issue: a store that does not know `reports/`, files recognised by bytes
/// alone, GBK names, one bad drop entry stopping the group, `receipts` links, deleted
/// workbooks, leftovers of killed runs, rejections judged under an old config.
@Suite(.serialized) struct DeliveredWorkSafetyEndToEndTests {
    static let asOf = "2026-10-06T07:00"

    static func kam(_ ws: URL, _ command: String, _ extra: [String] = [], env: [String: String] = [:]) throws -> KamBinary.Output {
        try KamBinary.kam([command, "--config", ws.appendingPathComponent("config/kam.yaml").path, "--as-of", asOf] + extra,
                          environment: env)
    }

    /// A small workspace after one complete run.
    static func deliveredWorkspace() throws -> URL {
        let ws = try KamBinary.workspace("small")
        try write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3.csv")
        let r = try kam(ws, "run")
        #expect(r.status == 0, "\(r.stderr)")
        return ws
    }

    static func write(_ text: String, _ ws: URL, _ relative: String) throws {
        try HostileInputEndToEndTests.write(text, ws, relative)
    }

    static func query(_ ws: URL, _ sql: String) throws -> String { try HostileInputEndToEndTests.query(ws, sql) }

    static func exists(_ ws: URL, _ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: ws.appendingPathComponent(relative).path)
    }

    // MARK: the store must know what reports/ holds

    @Test(arguments: ["empty", "deleted", "elsewhere"])
    func aStoreThatDoesNotKnowTheReportsIsRefusedAndNothingChanges(_ fault: String) throws {
        let ws = try Self.deliveredWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let store = ws.appendingPathComponent("var/kam.sqlite")
        let before = try KamBinary.digests(ws.appendingPathComponent("reports"))
        #expect(before.count > 10)
        var storeShown = store.path
        switch fault {
        case "empty":
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
            try Data().write(to: store)
        case "deleted":
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
        default:  // paths.data points to another folder (a volume not mounted, a typo)
            let config = ws.appendingPathComponent("config/kam.yaml")
            try (String(contentsOf: config, encoding: .utf8) + "paths: {data: ../var-typo}\n").write(to: config, atomically: true, encoding: .utf8)
            storeShown = ws.appendingPathComponent("var-typo/kam.sqlite").path
        }
        try Self.write(HostileInputEndToEndTests.hg01Sales.replacingOccurrences(of: "500.00", with: "700.00"), ws, "drop/HG01/sales_2026Q3_更正.csv")
        for command in ["run", "ingest"] {
            let r = try Self.kam(ws, command)
            #expect(r.status == 5, "\(command): \(r.stdout)\(r.stderr)")
            #expect(r.stderr.contains(storeShown) && r.stderr.contains(ws.appendingPathComponent("reports").path), "\(r.stderr)")
            #expect(r.stderr.contains("no file was changed") && r.stderr.contains("kam.sqlite-wal") && r.stderr.contains("README: kam backup"))
        }
        let report = try Self.kam(ws, "report", ["sales-report", "--period", "2026Q3", "--owner", "HG01"])
        #expect(report.status == 5, "\(report.stderr)")
        let status = try Self.kam(ws, "status")
        #expect(status.status == 5 && status.stderr.contains("refuses to run"), "\(status.stdout)\(status.stderr)")
        #expect(try KamBinary.digests(ws.appendingPathComponent("reports")) == before, "no file under reports/ changed")
        #expect(Self.exists(ws, "drop/HG01/sales_2026Q3_更正.csv"), "the drop file was not taken")
        if fault == "deleted" { #expect(!Self.exists(ws, "var/kam.sqlite"), "the refusal does not create a store") }
    }

    @Test func aStoreRestoredFromAnOlderBackupIsRefusedUntilTheReportsMatch() throws {
        let ws = try Self.deliveredWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let backup = ws.appendingPathComponent("backup")
        #expect(try KamBinary.run(KamBinary.url, ["backup", backup.path, "--config", ws.appendingPathComponent("config/kam.yaml").path]).status == 0)
        // A correction makes revision 2 of HG01's workbooks, then the store is put back to before it.
        try Self.write(HostileInputEndToEndTests.hg01Sales.replacingOccurrences(of: "500.00", with: "700.00"), ws, "drop/HG01/sales_2026Q3_更正.csv")
        #expect(try Self.kam(ws, "run").status == 0)
        #expect(Self.exists(ws, "reports/2026Q3/subsidiary/superseded/HG01_2026Q3_客户销售报表_r1.xlsx"))
        let store = ws.appendingPathComponent("var/kam.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
        try FileManager.default.copyItem(at: backup.appendingPathComponent("kam.sqlite"), to: store)
        let before = try KamBinary.digests(ws.appendingPathComponent("reports"))
        let r = try Self.kam(ws, "run")
        #expect(r.status == 5 && r.stderr.contains("superseded/HG01_2026Q3_客户销售报表_r1.xlsx"), "\(r.stderr)")
        #expect(try KamBinary.digests(ws.appendingPathComponent("reports")) == before)
    }

    // MARK: which file is which

    @Test func theSameBytesUnderAnotherNameAreANewSubmissionWithItsOwnReceipt() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let header = "date,customer_id,customer_name,amount\n"
        try Self.write(header, ws, "drop/YY01/sales_2026-10.csv")
        #expect(try Self.kam(ws, "ingest").status == 0)
        try Self.write(header, ws, "drop/YY01/sales_2026-11.csv")
        let r = try Self.kam(ws, "ingest")
        #expect(r.status == 0 && r.stdout.contains("sales_2026-11.csv"), "\(r.stdout)")
        #expect(KamBinary.receipts(in: ws.appendingPathComponent("drop/YY01/receipts"), for: "sales_2026-11.csv").count == 1)
        #expect(try Self.query(ws, "select period from submission where subsidiary='YY01' and fileName like 'sales_2026-1_.csv' order by id") == "2026-10\n2026-11\n")
        // The very same file again (name and bytes) is the same submission: a no-op.
        try Self.write(header, ws, "drop/YY01/sales_2026-11.csv")
        let again = try Self.kam(ws, "ingest")
        #expect(!again.stdout.contains("sales_2026-11.csv"), "no new receipt: \(again.stdout)")
        #expect(try Self.query(ws, "select count(*) from submission where fileName = 'sales_2026-11.csv'") == "1\n")
    }

    @Test func dropFileNamesInGBKAreReadAndNamesInNoEncodingAreRefusedWithAReceipt() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let folder = ws.appendingPathComponent("drop/HG01")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // `sales_2026Q3_更正.csv` as Chinese Windows writes it (GBK bytes), and a name valid in no encoding.
        let gbk: [UInt8] = Array("sales_2026Q3_".utf8) + [0xB8, 0xFC, 0xD5, 0xFD] + Array(".csv".utf8)
        let junk: [UInt8] = Array("sales_2026Q3_".utf8) + [0xFF, 0xFE] + Array(".csv".utf8)
        for (name, text) in [(gbk, HostileInputEndToEndTests.hg01Sales), (junk, "x\n")] {
            let path = (folder.path + "/").utf8CString.dropLast() + name.map { CChar(bitPattern: $0) } + [0]
            let fd = path.withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            #expect(fd >= 0)
            _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
            close(fd)
        }
        let r = try Self.kam(ws, "run")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("rejected: HG01/sales_2026Q3_\u{FFFD}\u{FFFD}.csv"), "\(r.stdout)")
        #expect(KamBinary.receipts(in: folder.appendingPathComponent("receipts"), for: "sales_2026Q3_更正.csv").count == 1)
        #expect(try Self.query(ws, "select fileName, status from submission where subsidiary='HG01' order by id")
                == "sales_2026Q3_更正.csv|accepted\nsales_2026Q3_\u{FFFD}\u{FFFD}.csv|rejected\n")
        let receipts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("receipts").path)
        let refused = try #require(receipts.first { $0.contains("\u{FFFD}") })
        let text = try String(contentsOf: folder.appendingPathComponent("receipts/\(refused)"), encoding: .utf8)
        #expect(text.contains("UTF-8") && text.contains("GB18030"), "\(text)")
        let status = try Self.kam(ws, "status")
        #expect(status.stdout.contains("HG01/sales_2026Q3_\u{FFFD}\u{FFFD}.csv: 1 problem"), "\(status.stdout)")
    }

    // MARK: one bad drop entry never stops the group

    @Test func oneBadDropEntryIsThatEntrysProblemAndIsTriedAgain() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        // HG01: a file kam may not read (test hook: root reads anything), and a name whose
        // staging copy and receipt used to pass NAME_MAX. YY01: a plain file called `receipts`.
        try Self.write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3.csv")
        let long = "sales_2026Q3_" + String(repeating: "长", count: 77) + ".csv"  // 248 bytes
        #expect(long.utf8.count == 248)
        try Self.write("date,customer_id,customer_name,amount\n", ws, "drop/HG01/\(long)")
        try Self.write("not a folder", ws, "drop/YY01/receipts")
        let r = try Self.kam(ws, "run", env: ["KAM_FAULT_UNREADABLE": "sales_2026Q3.csv"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("could not handle"), "\(r.stdout)")
        #expect(r.stdout.contains("HG01/sales_2026Q3.csv: cannot open it: Permission denied"), "\(r.stdout)")
        #expect(r.stdout.contains("YY01/sales_2026-07.csv: cannot write its receipt: YY01/receipts is not a folder"), "\(r.stdout)")
        #expect(!r.stdout.contains("Error Domain"), "no raw NSError dump")
        #expect(r.stdout.contains("HG01_2026Q3_客户销售报表.xlsx"), "every due workbook is still delivered: \(r.stdout)")
        #expect(Self.exists(ws, "drop/HG01/receipts/\(long).receipt.csv") == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("drop/HG01/receipts").path)
                    .contains { $0.hasPrefix("sales_2026Q3_长") && $0.hasSuffix(".receipt.csv") }, "the long name has a receipt")
        #expect(Self.exists(ws, "drop/HG01/sales_2026Q3.csv") && Self.exists(ws, "drop/YY01/sales_2026-07.csv"), "left in place")
        let status = try Self.kam(ws, "status")
        #expect(status.stdout.contains("drop files kam could not handle (tried again by the next run): 6"), "\(status.stdout)")
        #expect(status.stdout.contains("HG01/sales_2026Q3.csv: cannot open it"), "\(status.stdout)")
        // Fixed: the next run takes them, revises what they change, and status is clear again.
        try FileManager.default.removeItem(at: ws.appendingPathComponent("drop/YY01/receipts"))
        let next = try Self.kam(ws, "run")
        #expect(next.status == 0 && !next.stdout.contains("could not handle"), "\(next.stdout)\(next.stderr)")
        #expect(!Self.exists(ws, "drop/HG01/sales_2026Q3.csv"))
        #expect(KamBinary.receipts(in: ws.appendingPathComponent("drop/YY01/receipts"), for: "sales_2026-07.csv").count == 1)
        #expect(try Self.kam(ws, "status").stdout.contains("drop files kam could not handle (tried again by the next run): 0"))
    }

    @Test func aReceiptsLinkIsNeverWrittenThrough() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let other = ws.appendingPathComponent("drop/HG01/receipts")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Self.write("HG01's own receipt", ws, "drop/HG01/receipts/sales_2026-07.csv.receipt.csv")
        try FileManager.default.createSymbolicLink(atPath: ws.appendingPathComponent("drop/YY01/receipts").path, withDestinationPath: other.path)
        let r = try Self.kam(ws, "run")
        #expect(r.status == 0)
        #expect(r.stdout.contains("YY01/receipts is a symbolic link"), "\(r.stdout)")
        #expect(try String(contentsOf: other.appendingPathComponent("sales_2026-07.csv.receipt.csv"), encoding: .utf8) == "HG01's own receipt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["sales_2026-07.csv.receipt.csv"])
    }

    // MARK: what is in reports/

    @Test func aDeletedWorkbookIsPutBackAndAnEditedOneIsReportedAndLeftAlone() throws {
        let ws = try Self.deliveredWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let deleted = "2026Q3/subsidiary/HG01_2026Q3_客户销售报表.xlsx", edited = "2026-09/subsidiary/YY01_2026-09_客户销售报表.xlsx"
        let reports = ws.appendingPathComponent("reports")
        let before = try KamBinary.digests(reports)
        try FileManager.default.removeItem(at: reports.appendingPathComponent(deleted))
        let handle = try FileHandle(forWritingTo: reports.appendingPathComponent(edited))
        handle.seekToEndOfFile()
        handle.write(Data("edited".utf8))
        try handle.close()
        let editedDigest = try KamBinary.digests(reports)["./\(edited)"]
        let status = try Self.kam(ws, "status")
        #expect(status.stdout.contains("missing from reports/") && status.stdout.contains(deleted), "\(status.stdout)")
        #expect(status.stdout.contains("edited by hand (left alone): 1") && status.stdout.contains(edited), "\(status.stdout)")
        let r = try Self.kam(ws, "run")
        #expect(r.status == 0 && r.stdout.contains("restored (had disappeared from reports/): \(deleted)"), "\(r.stdout)\(r.stderr)")
        let after = try KamBinary.digests(reports)
        #expect(after["./\(deleted)"] == before["./\(deleted)"], "the same revision, the same bytes")
        #expect(after["./\(edited)"] == editedDigest, "the edited workbook is left alone")
        #expect(!Self.exists(ws, "reports/2026Q3/subsidiary/superseded"), "no revision was made")
        let manifest = try String(contentsOf: reports.appendingPathComponent("2026Q3/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("HG01_2026Q3_客户销售报表.xlsx"))
        #expect(try Self.kam(ws, "run").stdout.contains("nothing due that was not already done"))
    }

    @Test func aManifestNeverListsAWorkbookThatIsNotThere() throws {
        let ws = try Self.deliveredWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        // A workbook that cannot be rebuilt (its folder made a file) is gone from its manifest.
        let folder = ws.appendingPathComponent("reports/2026Q3/subsidiary")
        try FileManager.default.removeItem(at: folder)
        try Data("blocked".utf8).write(to: folder)
        _ = try Self.kam(ws, "run")
        let manifest = try String(contentsOf: ws.appendingPathComponent("reports/2026Q3/manifest.json"), encoding: .utf8)
        #expect(!manifest.contains("2026Q3/subsidiary/"), "\(manifest)")
    }

    // MARK: leftovers, re-judging

    @Test func leftoversOfAKilledIngestAreRemovedByTheNextRun() throws {
        let ws = try Self.deliveredWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let leftovers = ["var/archive/.incoming-4242-HG01-sales_2026Q3.csv", "var/archive/.incoming-4242-0",
                         "var/archive/ab/.abcd.csv.4242.tmp", "drop/HG01/receipts/.sales_2026Q3.csv.receipt.csv.4242.tmp"]
        for path in leftovers { try Self.write("partial", ws, path) }
        let r = try Self.kam(ws, "run")
        #expect(r.status == 0, "\(r.stderr)")
        for path in leftovers { #expect(!Self.exists(ws, path), "\(path) removed") }
        #expect(r.stderr.contains("removed a partial file left by an interrupted run"))
    }

    @Test func aRejectedFileIsJudgedAgainWhenTheConfigThatJudgedItChanges() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        // An ERP that calls the amount 含税金额: rejected until the config maps the column.
        try Self.write("date,customer_id,customer_name,含税金额\n2026-09-03,H1,乙公司,500.00\n", ws, "drop/HG01/sales_2026Q3.csv")
        _ = try Self.kam(ws, "ingest")
        _ = try Self.kam(ws, "ingest")
        #expect(try Self.query(ws, "select status from submission where subsidiary='HG01' order by id") == "rejected\n",
                "the same file under the same config is not read twice")
        let config = ws.appendingPathComponent("config/kam.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "{code: HG01, name: 测试化工有限公司, line: chem}",
                                  with: "{code: HG01, name: 测试化工有限公司, line: chem, columns: {amount: 含税金额}}")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let validate = try KamBinary.run(KamBinary.url, ["validate", ws.appendingPathComponent("drop/HG01/sales_2026Q3.csv").path,
                                                         "--config", config.path])
        #expect(validate.status == 0)
        _ = try Self.kam(ws, "ingest")
        #expect(!Self.exists(ws, "drop/HG01/sales_2026Q3.csv"))
        #expect(try Self.query(ws, "select status from submission where subsidiary='HG01' order by id") == "rejected\naccepted\n")
    }
}

extension DeliveredWorkSafetyEndToEndTests {
    @Test func aReceiptSaysWhetherTheFileTookEffect() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        try Self.write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3.csv")
        #expect(try Self.kam(ws, "ingest").status == 0)
        // A correction whose file time is older than the file it corrects: accepted, but it does not win.
        try Self.write(HostileInputEndToEndTests.hg01Sales.replacingOccurrences(of: "500.00", with: "700.00"), ws, "drop/HG01/sales_2026-09_更正.csv")
        let old = ws.appendingPathComponent("drop/HG01/sales_2026-09_更正.csv")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: old.path)
        #expect(try Self.kam(ws, "ingest").status == 0)
        let receipts = ws.appendingPathComponent("drop/HG01/receipts")
        let first = try String(contentsOf: try #require(KamBinary.receipts(in: receipts, for: "sales_2026Q3.csv").first), encoding: .utf8)
        #expect(first.contains("生效情况,\"已生效: 2026-07, 2026-08, 2026-09\""), "\(first)")
        let second = try String(contentsOf: try #require(KamBinary.receipts(in: receipts, for: "sales_2026-09_更正.csv").first), encoding: .utf8)
        #expect(second.contains("未生效: 2026-09 已由较晚接收的文件 sales_2026Q3.csv 覆盖"), "\(second)")
    }
}
