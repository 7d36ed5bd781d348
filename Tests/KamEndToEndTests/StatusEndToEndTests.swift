import Foundation
import Testing

/// `kam status` tells an operator what happened and what is owed, without taking the lock.
@Suite struct StatusEndToEndTests {
    @Test func namesRunsLateAndMissingInputsRejectedFilesAndUnknownFolders() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("drop/ZZ99"), withIntermediateDirectories: true)
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00").status == 0)
        let r = try KamBinary.kam("status", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("#1 started 2026-10-06 07:00"), "\(out)")
        #expect(out.contains("finished"))
        #expect(out.contains("pending job instances (due, not delivered): 0"))
        // YY01's September file was first seen at the fire time itself: not before, so late.
        #expect(out.contains("YY01 sales 2026-09: 逾期, received 2026-10-06 07:00 (due 2026-10-06 07:00)"), "\(out)")
        #expect(out.contains("HG01 sales 2026Q3: 未报送 (due 2026-10-06 07:00)"), "\(out)")
        #expect(out.contains("YY01/sales_2026-07.csv"))
        #expect(out.contains("unknown drop folders: ZZ99"))

        // Later in the day the next instances are pending until a run delivers them.
        let later = try KamBinary.kam("status", "--config", config, "--as-of", "2026-10-08T08:00")
        #expect(later.stdout.contains("line-summary chem 2026Q3"), "\(later.stdout)")
    }
}
