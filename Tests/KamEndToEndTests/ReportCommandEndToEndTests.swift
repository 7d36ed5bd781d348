import Foundation
import Testing

/// `kam report` rebuilds only instances that are already due (SPEC §8); for a later one it says
/// when it fires and changes nothing, so the run at its fire time still delivers it.
@Suite(.serialized) struct ReportCommandEndToEndTests {
    @Test func anInstanceNotYetDueIsRefusedWithItsFireTimeAndNothingChanges() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let reports = ws.appendingPathComponent("reports")
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00").status == 0)
        let before = try KamBinary.digests(reports)
        let deliveries = try HostileInputEndToEndTests.query(ws, "select count(*) from delivery")
        let runs = try HostileInputEndToEndTests.query(ws, "select count(*) from run")

        // 汇总分析表 for Q3 fires on the 8th; on the 6th it is not due.
        let early = try KamBinary.kam("report", "line-summary", "--period", "2026Q3", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(early.status == 4, "\(early.stdout)\(early.stderr)")
        #expect(early.stderr.contains("line-summary 2026Q3 is not due yet: it fires 2026-10-08 07:00 (Asia/Shanghai)"), "\(early.stderr)")
        #expect(early.stderr.contains("it is now 2026-10-06 07:00"))
        #expect(early.stderr.contains("Nothing was changed"))
        // One owner, a period far ahead: the same answer with its own fire time.
        let later = try KamBinary.kam("report", "sales-report", "--period", "2027Q2", "--owner", "HG01", "--config", config,
                                      "--as-of", "2026-10-06T07:00")
        #expect(later.status == 4 && later.stderr.contains("sales-report 2027Q2 HG01 is not due yet: it fires 2027-07-06 07:00"),
                "\(later.stderr)")
        // A period before `since` is never due.
        let old = try KamBinary.kam("report", "sales-report", "--period", "2025Q4", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(old.status == 4 && old.stderr.contains("before `since` (2026-01)"), "\(old.stderr)")

        #expect(try KamBinary.digests(reports) == before, "no file under reports/ changed")
        #expect(try HostileInputEndToEndTests.query(ws, "select count(*) from delivery") == deliveries, "no ledger row")
        #expect(try HostileInputEndToEndTests.query(ws, "select count(*) from run") == runs, "no run was even started")
        #expect(try HostileInputEndToEndTests.query(ws, "select count(*) from delivery where job = 'line-summary' and period = '2026Q3'") == "0\n")

        // At its fire time the run delivers it as revision 1: the refusal cost nothing.
        let due = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-08T07:00")
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.contains("2026Q3/management/化工_2026Q3_汇总分析表.xlsx"), "\(due.stdout)")
        #expect(!due.stdout.contains("(revision 2)"))
        // And a due instance is still rebuilt on request.
        let now = try KamBinary.kam("report", "line-summary", "--period", "2026Q3", "--owner", "chem", "--config", config,
                                    "--as-of", "2026-10-08T08:00")
        #expect(now.status == 0, "\(now.stderr)")
        #expect(now.stdout.contains("2026Q3/management/化工_2026Q3_汇总分析表.xlsx (revision 2)"), "\(now.stdout)")
    }
}
