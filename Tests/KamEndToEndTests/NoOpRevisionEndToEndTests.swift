import Foundation
import Testing

/// SPEC §8 Workbooks: "A revision is made only when something a reader sees changes (a figure, a
/// row, a status, the completeness banner); an input that changes nothing visible is recorded in
/// the ledger … and the delivered workbook stays as it is."
@Suite struct NoOpRevisionEndToEndTests {
    static func current(_ ws: URL) throws -> [String: String] {
        try KamBinary.digests(ws.appendingPathComponent("reports")).filter { !$0.key.contains("superseded") }
    }

    @Test func aFileThatChangesNoFigureMakesNoRevisionAndAFigureDoes() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        try HostileInputEndToEndTests.write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3.csv")
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-09T08:00").status == 0)
        let before = try Self.current(ws)
        let report = "./2026Q3/subsidiary/HG01_2026Q3_客户销售报表.xlsx"
        #expect(before[report] != nil, "\(before.keys.sorted())")

        // The same lines re-sent under another name: a new submission that decides Q3 now, but
        // every figure, row and status stays the same.
        try HostileInputEndToEndTests.write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3_重发.csv")
        let same = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-09T09:00")
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("unchanged (new inputs, nothing visible changed; revision kept): 2026Q3/subsidiary/HG01_2026Q3_客户销售报表.xlsx"),
                "\(same.stdout)")
        #expect(!same.stdout.contains("(revision 2)"), "\(same.stdout)")
        #expect(try Self.current(ws) == before, "no delivered file changed")
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("reports/2026Q3/subsidiary/superseded").path))
        // Recorded: the next run does not rebuild it again.
        let again = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-09T10:00")
        #expect(!again.stdout.contains("unchanged (") && !again.stdout.contains("(revision 2)"), "\(again.stdout)")

        // A corrected amount: a figure changes, so revision 2.
        try HostileInputEndToEndTests.write("date,customer_id,customer_name,amount,cost\n2026-09-03,H1,乙公司,600.00,100.00\n", ws,
                                            "drop/HG01/sales_2026Q3_更正.csv")
        let changed = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-09T11:00")
        #expect(changed.stdout.contains("HG01_2026Q3_客户销售报表.xlsx (revision 2)"), "\(changed.stdout)")
        #expect(try Self.current(ws)[report] != before[report])
    }
}
