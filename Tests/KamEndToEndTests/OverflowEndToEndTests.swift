import Foundation
import Testing

/// SPEC §8 through the built `kam`: two accepted quarter files of HG01, each with 50,000 lines of
/// 999,999,999,999.99 yuan for one customer (each file's total, 4,999,999,999,999,950,000 fen,
/// fits Int64), make that customer's ttm at 2026Q3 1e19 fen, beyond Int64. The run must not
/// crash: the workbooks needing that sum fail with a message naming the subsidiary, the customer
/// and the input files (exit 1, `kam status` lists them), every other workbook is delivered, and a
/// second run fails the same way rather than crashing.
@Suite(.serialized) struct OverflowEndToEndTests {
    static let lines = 50_000

    static func quarterFile(_ quarter: String, month: Int) -> String {
        var text = "date,customer_id,customer_name,amount\n"
        text.reserveCapacity(lines * 40)
        let line = "2026-\(month < 10 ? "0" : "")\(month)-15,BIG,巨额客户,999999999999.99\n"
        for _ in 0..<lines { text += line }
        return text + "2026-\(month < 10 ? "0" : "")\(month)-16,SMALL,普通客户,100.00\n"
    }

    @Test func aTTMBeyondInt64FailsItsWorkbooksAndDeliversTheRest() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        try HostileInputEndToEndTests.write(Self.quarterFile("2026Q2", month: 5), ws, "drop/HG01/sales_2026Q2.csv")
        try HostileInputEndToEndTests.write(Self.quarterFile("2026Q3", month: 8), ws, "drop/HG01/sales_2026Q3.csv")

        let first = try HostileInputEndToEndTests.run(ws)
        let output = first.stdout + first.stderr
        #expect(first.status == 1, "\(output)")
        // Both files fit Int64 on their own (the fixture's own YY01/sales_2026-07.csv is rejected by design).
        #expect(first.stdout.contains("ingested: 6 accepted, 1 rejected"), "\(first.stdout)")
        #expect(!first.stdout.contains("rejected: HG01"), "\(first.stdout)")
        let failed = first.stdout.split(separator: "\n").filter { $0.hasPrefix("FAILED:") }
        #expect(!failed.isEmpty, "\(output)")
        let salesFailure = failed.first { $0.contains("sales-report") && $0.contains("HG01") && $0.contains("2026Q3") }
        #expect(salesFailure != nil, "\(failed)")
        if let salesFailure {
            for part in ["money overflow", "分公司 HG01", "客户 BIG", "2025-10…2026-09", "HG01/sales_2026Q2.csv", "HG01/sales_2026Q3.csv"] {
                #expect(salesFailure.contains(part), "\(part) in \(salesFailure)")
            }
        }
        for line in failed { #expect(line.contains("money overflow"), "only overflows fail: \(line)") }

        let fm = FileManager.default
        let reports = ws.appendingPathComponent("reports")
        // HG01's Q2 report reads only the Q2 file (its ttm fits) and is delivered; Q3's is not.
        #expect(fm.fileExists(atPath: reports.appendingPathComponent("2026Q2/subsidiary/HG01_2026Q2_客户销售报表.xlsx").path))
        // Its Q4 limits, a twelfth of a ttm (through June) of 5e18 fen, fit though ttm × cover does not:
        // computed full width, delivered.
        #expect(fm.fileExists(atPath: reports.appendingPathComponent("2026Q4/subsidiary/HG01_2026Q4_资信额度申请表.xlsx").path))
        #expect(fm.fileExists(atPath: reports.appendingPathComponent("2026Q3/subsidiary/HG01_2026Q3_客户资信报表.xlsx").path))
        #expect(!fm.fileExists(atPath: reports.appendingPathComponent("2026Q3/subsidiary/HG01_2026Q3_客户销售报表.xlsx").path))
        // The other subsidiary's workbooks are all delivered.
        for month in ["2026-07", "2026-08", "2026-09"] {
            #expect(fm.fileExists(atPath: reports.appendingPathComponent("\(month)/subsidiary/YY01_\(month)_客户销售报表.xlsx").path),
                    "\(month): \(first.stdout)")
        }
        #expect(first.stdout.contains("YY01_2026-09_客户销售报表.xlsx"))

        let status = try KamBinary.kam("status", "--config", ws.appendingPathComponent("config/kam.yaml").path)
        #expect(status.stdout.contains("sales-report HG01 2026Q3: 金额合计超出可表示范围 (money overflow)"), "\(status.stdout)")

        // Nothing new: the failed instances are tried again and fail again, without a crash.
        let second = try HostileInputEndToEndTests.run(ws)
        #expect(second.status == 1, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("FAILED:") && second.stdout.contains("money overflow"), "\(second.stdout)")
        #expect(second.stdout.split(separator: "\n").filter { $0.hasPrefix("FAILED:") }.count == failed.count)
    }
}
