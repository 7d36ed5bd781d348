import Foundation
import Testing

/// The built `kam` on a small hand-made workspace; workbooks read back by openpyxl.
@Suite(.serialized) struct SalesReportEndToEndTests {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("check_sales_report.py")

    @Test func figuresMatchHandComputedExpectationsAndASecondRunWritesNothing() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path

        let first = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        // 46, plus YY01's quarter sales reports 2026Q1–Q3 and 医药's quarter summaries Q1–Q2 (SPEC §2).
        #expect(first.stdout.contains("delivered: 51 workbook(s)"), "\(first.stdout)")
        #expect(first.stdout.contains("rejected: YY01/sales_2026-07.csv"))

        let reports = ws.appendingPathComponent("reports")
        let check = try KamBinary.run(Self.python, [Self.checker.path, reports.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // Accepted files leave the drop folder after their commit; the rejected one stays, and
        // every file has its receipts (CSV and xlsx) in the receipts sub-folder.
        let left = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("drop/YY01").path)
        #expect(left.sorted() == ["receipts", "sales_2026-07.csv"])
        let folder = ws.appendingPathComponent("drop/YY01/receipts")
        let receipts = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(receipts.count == 10)
        for month in ["2025-01", "2025-09", "2026-07", "2026-08", "2026-09"] {
            #expect(KamBinary.receipts(in: folder, for: "sales_\(month).csv").count == 1, "\(receipts)")
            #expect(KamBinary.receipts(in: folder, for: "sales_\(month).csv", ext: "xlsx").count == 1, "\(receipts)")
        }

        let before = try KamBinary.digests(reports)
        #expect(before.keys.contains("./2026-09/manifest.json"))
        let second = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(second.status == 0)
        #expect(second.stdout.contains("delivered: 0 workbook(s)"))
        #expect(try KamBinary.digests(reports) == before)
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let a = try KamBinary.workspace("small"), b = try KamBinary.workspace("small")
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        for ws in [a, b] {
            let r = try KamBinary.kam("run", "--config", ws.appendingPathComponent("config/kam.yaml").path,
                                      "--as-of", "2026-10-06T07:00")
            #expect(r.status == 0)
        }
        let da = try KamBinary.digests(a.appendingPathComponent("reports"))
        let db = try KamBinary.digests(b.appendingPathComponent("reports"))
        #expect(!da.isEmpty)
        #expect(da.filter { $0.key.hasSuffix(".xlsx") } == db.filter { $0.key.hasSuffix(".xlsx") })
    }

    @Test func aBadConfigIsRefusedWithTheKeyAndExitCode2() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml")
        var text = try String(contentsOf: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "run_at: \"07:00\"", with: "run_at: 07:00")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let r = try KamBinary.kam("run", "--config", config.path, "--as-of", "2026-10-06T07:00")
        #expect(r.status == 2)
        #expect(r.stderr.contains("run_at"))
        #expect(r.stderr.contains("quoted"))
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("reports/2026-09").path))
    }

    @Test func demoWorkspaceRunsEndToEnd() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kam-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = try KamBinary.kam("demo", dir.path, "--customers", "12")
        #expect(demo.status == 0, "\(demo.stderr)")
        let run = try KamBinary.kam("run", "--config", dir.appendingPathComponent("config/kam.yaml").path,
                                    "--as-of", "2026-11-22T08:00")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // Sales: 22 months (2025-01 … 2026-10) × 2 pharma + 7 quarters (2025Q1 … 2026Q3) × 4 (every
        // line reports quarterly) = 72; credit, file and visit reports: 7 quarters × 4 subsidiaries × 3
        // = 84; line summaries 22 + 7 × 2 = 36;
        // HQ quarterly 7; proposals for 2025Q1 … 2026Q4 (2027Q1's fires on 12-21) × 4 = 32; the 2025 review 1.
        #expect(run.stdout.contains("delivered: 232 workbook(s)"), "\(run.stdout.prefix(300))")
        #expect(run.stdout.contains("0 rejected"))
        let gb = dir.appendingPathComponent("reports/2026Q3/subsidiary/HG02_2026Q3_客户销售报表.xlsx")
        let read = try KamBinary.run(SalesReportEndToEndTests.python, ["-c", """
            import openpyxl, sys
            ws = openpyxl.load_workbook(sys.argv[1])["客户排名"]
            ids = [ws.cell(r, 2).value for r in range(2, ws.max_row + 1)]
            assert all(isinstance(i, str) and i.startswith("00") for i in ids), ids
            assert ws.cell(2, 1).value == 1
            print(len(ids))
            """, gb.path])
        #expect(read.status == 0, "\(read.stderr)")
    }
}

@Suite struct RunLockEndToEndTests {
    @Test func aSecondRunExitsWithTheLockMessage() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let data = ws.appendingPathComponent("var")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let lockPath = data.appendingPathComponent("kam.lock").path
        try "4242\n".write(toFile: lockPath, atomically: false, encoding: .utf8)
        // Another process holds the lock for a few seconds (util-linux flock).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lockPath, "sleep", "5"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.5)
        let r = try KamBinary.kam("run", "--config", ws.appendingPathComponent("config/kam.yaml").path,
                                  "--as-of", "2026-10-06T07:00", "--wait", "0.3")
        #expect(r.status == 3)
        #expect(r.stderr.contains("pid 4242"))
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("reports/2026-09").path))
    }
}

@Suite struct ScheduleEndToEndTests {
    @Test func listsInstancesWithTheirState() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-09-06T07:00")
        let r = try KamBinary.kam("schedule", "--config", config, "--as-of", "2026-10-06T06:00", "--from", "2026-09", "--to", "2026-10")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("2026-09-06 07:00 sales-report YY01 2026-08 done"))
        #expect(lines.contains("2026-10-06 07:00 sales-report HG01 2026Q3 upcoming"))
        #expect(lines.contains("2026-10-06 07:00 credit-report HG01 2026Q3 upcoming"))
        #expect(lines.contains("2026-09-08 07:00 line-summary pharma 2026-08 due"))
        #expect(lines.contains("2026-09-21 07:00 credit-limit-proposal YY01 2026Q4 due"))
        let due = try KamBinary.kam("schedule", "--config", config, "--as-of", "2026-10-06T07:00", "--from", "2026-10", "--to", "2026-10")
        #expect(due.stdout.contains("YY01     2026-09  due"))
    }
}
