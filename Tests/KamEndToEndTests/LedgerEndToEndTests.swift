import Foundation
import Testing

/// The run ledger through the built `kam`: revisions for late files, catch-up after downtime,
/// kills at arbitrary points, and two runs at once (SPEC §2 run semantics).
@Suite(.serialized) struct LedgerEndToEndTests {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")

    /// 概览's 版本 and 版本说明 of a workbook, read by openpyxl.
    static func revisionNote(_ path: URL) throws -> String {
        try KamBinary.run(python, ["-c", """
            import openpyxl, sys
            rows = {r[0]: r[1] for r in openpyxl.load_workbook(sys.argv[1])["概览"].iter_rows(values_only=True) if r[0]}
            print(rows.get("版本"), rows.get("版本说明"))
            """, path.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aLateFileMakesRevision2OfTheAffectedWorkbooksOnly() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let reports = ws.appendingPathComponent("reports")
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00").status == 0)
        let before = try KamBinary.digests(reports)
        let name = "2026-09/subsidiary/YY01_2026-09_客户销售报表.xlsx"

        // A corrected September file arrives: later wins, as a whole. It changes what YY01's
        // September and Q3 sales reports, its Q3 credit report (Q3 sales) and its Q4 proposal
        // (names up to September) read — nothing else (医药's Q3 summary is not due yet).
        try "日期,客户编码,客户名称,金额,成本\n2026-09-03,C1,甲公司,999.00,100.00\n"
            .write(to: ws.appendingPathComponent("drop/YY01/sales_2026-09_更正.csv"), atomically: true, encoding: .utf8)
        let r = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let affected = [name, "2026Q3/subsidiary/YY01_2026Q3_客户销售报表.xlsx", "2026Q3/subsidiary/YY01_2026Q3_客户资信报表.xlsx",
                        "2026Q4/subsidiary/YY01_2026Q4_资信额度申请表.xlsx"]
        #expect(r.stdout.contains("delivered: 4 workbook(s)"), "\(r.stdout)")
        for path in affected { #expect(r.stdout.contains("\(path) (revision 2)"), "\(r.stdout)") }

        let after = try KamBinary.digests(reports)
        var superseded: [String] = []
        for path in affected {
            let aside = "./" + path.replacingOccurrences(of: "subsidiary/", with: "subsidiary/superseded/")
                .replacingOccurrences(of: ".xlsx", with: "_r1.xlsx")
            superseded.append(aside)
            #expect(after[aside] == before["./\(path)"], "revision 1 of \(path) is kept, byte for byte")
            #expect(after["./\(path)"] != before["./\(path)"])
        }
        let manifests = ["./2026-09/manifest.json", "./2026Q3/manifest.json", "./2026Q4/manifest.json"]
        for (path, digest) in before where !affected.contains(String(path.dropFirst(2))) && !manifests.contains(path) {
            #expect(after[path] == digest, "\(path) must not change")
        }
        #expect(Set(after.keys) == Set(before.keys).union(superseded))
        let note = try Self.revisionNote(reports.appendingPathComponent(name))
        #expect(note.hasPrefix("2 "), "\(note)")
        let title = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
            import openpyxl, sys
            ov = openpyxl.load_workbook(sys.argv[1])["概览"]
            print(ov["A1"].value); print(ov["A2"].value)
            """, reports.appendingPathComponent(name).path]).stdout
        #expect(title.contains("客户销售报表 第2版") && title.contains("修订原因：") && title.contains("sales_2026-09_更正.csv"), "\(title)")
        #expect(note.contains("sales_2026-09_更正.csv"), "\(note)")
        let manifest = try String(contentsOf: reports.appendingPathComponent("2026-09/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"revision\" : 2"))
        #expect(manifest.contains("sales_2026-09_更正.csv"))

        let again = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(again.stdout.contains("delivered: 0 workbook(s)"))
        #expect(try KamBinary.digests(reports) == after)
    }

    @Test func fiveMonthsOfDowntimeAreCaughtUpOnceInOrder() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-05-06T07:00").status == 0)
        let r = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(r.status == 0)
        let delivered = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  20") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Set(delivered).count == delivered.count, "each instance once")
        #expect(delivered.filter { $0.contains("客户销售报表") } == [
            "2026-05/subsidiary/YY01_2026-05_客户销售报表.xlsx",
            "2026Q2/subsidiary/HG01_2026Q2_客户销售报表.xlsx",
            "2026-06/subsidiary/YY01_2026-06_客户销售报表.xlsx",
            "2026Q2/subsidiary/YY01_2026Q2_客户销售报表.xlsx",
            "2026-07/subsidiary/YY01_2026-07_客户销售报表.xlsx",
            "2026-08/subsidiary/YY01_2026-08_客户销售报表.xlsx",
            "2026Q3/subsidiary/HG01_2026Q3_客户销售报表.xlsx",
            "2026-09/subsidiary/YY01_2026-09_客户销售报表.xlsx",
            "2026Q3/subsidiary/YY01_2026Q3_客户销售报表.xlsx",
        ], "\(r.stdout)")
        // Oldest first across jobs: the May line summary (fired 06-08) before June's sales report
        // (07-06), Q2's HQ analysis (07-15) before July's sales report (08-06).
        func position(_ s: String) -> Int { delivered.firstIndex { $0.contains(s) } ?? -1 }
        #expect(position("2026-05_汇总分析表") < position("2026-06_客户销售报表"))
        #expect(position("2026Q2_客户档案及拜访分析") < position("2026-07_客户销售报表"))
        #expect(position("2026Q3_资信额度申请表") < position("2026Q2_客户销售报表"))
        // 26, plus YY01's 2026Q2 and 2026Q3 sales reports and 医药's 2026Q2 summary (SPEC §2).
        #expect(delivered.count == 29, "\(delivered)")
        let again = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(again.stdout.contains("delivered: 0 workbook(s)"))
    }

    /// A demo workspace big enough that a run takes a few seconds, so kills land mid-run.
    static func demo() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kam-ledger-\(UUID().uuidString)")
        let r = try KamBinary.kam("demo", dir.path, "--customers", "60")
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return dir
    }

    static func files(under folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func killedRunsLeaveNoPartialFileAndTheNextRunMatchesAnUninterruptedOne() throws {
        let reference = try Self.demo()
        defer { try? FileManager.default.removeItem(at: reference) }
        let asOf = "2026-11-22T08:00"
        let started = Date()
        #expect(try KamBinary.kam("run", "--config", reference.appendingPathComponent("config/kam.yaml").path, "--as-of", asOf).status == 0)
        let duration = Date().timeIntervalSince(started)
        let expected = try KamBinary.digests(reference.appendingPathComponent("reports"))

        // Kill points spread over the run: during ingest, between and during workbook writes, near the end.
        for fraction in [0.05, 0.2, 0.45, 0.7, 0.9] {
            let ws = try Self.demo()
            defer { try? FileManager.default.removeItem(at: ws) }
            let config = ws.appendingPathComponent("config/kam.yaml").path
            let process = Process()
            process.executableURL = KamBinary.url
            process.arguments = ["run", "--config", config, "--as-of", asOf]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let rerun = try KamBinary.kam("run", "--config", config, "--as-of", asOf)
            #expect(rerun.status == 0, "after a kill at \(fraction): \(rerun.stderr)")
            let reports = ws.appendingPathComponent("reports")
            #expect(Self.files(under: reports).filter { $0.hasSuffix(".tmp") }.isEmpty)
            let actual = try KamBinary.digests(reports)
            let differing = Set(actual.keys).union(expected.keys).filter { actual[$0] != expected[$0] }.sorted()
            if !differing.isEmpty {
                // Kept for a post-mortem: the files, the store and the reference run.
                let kept = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kam-kill-\(fraction)-\(UUID().uuidString)")
                try? FileManager.default.copyItem(at: ws, to: kept)
                try? FileManager.default.copyItem(at: reference, to: kept.appendingPathExtension("reference"))
                Issue.record("kill at \(fraction) of the run: \(differing) differ from an uninterrupted run; kept at \(kept.path)")
            }
            #expect(try KamBinary.kam("run", "--config", config, "--as-of", asOf).stdout.contains("delivered: 0 workbook(s)"))
        }
    }

    @Test func twoRunsStartedTogetherDoTheWorkOnce() throws {
        let ws = try Self.demo()
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        func start(_ extra: [String]) throws -> (Process, Pipe, Pipe) {
            let p = Process(), out = Pipe(), err = Pipe()
            p.executableURL = KamBinary.url
            p.arguments = ["run", "--config", config, "--as-of", "2026-11-22T08:00"] + extra
            p.standardOutput = out
            p.standardError = err
            try p.run()
            return (p, out, err)
        }
        let a = try start([]), b = try start([])
        let outA = String(decoding: a.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let outB = String(decoding: b.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        a.0.waitUntilExit()
        b.0.waitUntilExit()
        #expect(a.0.terminationStatus == 0 && b.0.terminationStatus == 0)
        let counts = [outA, outB].map { $0.contains("delivered: 0 workbook(s)") }
        #expect(counts.filter { $0 }.count == 1, "one run did the work, the other waited and found nothing: \(outA)\n\(outB)")
    }
}
