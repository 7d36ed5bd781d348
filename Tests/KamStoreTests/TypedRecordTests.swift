import GRDB
import Testing
@testable import KamIngest
@testable import KamPolicy
@testable import KamStore

/// The store's records hold domain types (issue 14) but keep exactly the text they always had,
/// and a text kam never writes (a hand-edited or damaged store) is a `StoredValueProblem` naming
/// the table, column and text: never a trap, and the row stays where it was.
@Suite struct TypedRecordTests {
    let q3 = Period.quarter(year: 2026, quarter: 3)
    let sep = Period.month(YearMonth(year: 2026, month: 9))

    func submission(_ name: String, kind: InputKind?, period: Period?) -> Submission {
        Submission(subsidiary: "HG01", kind: kind, period: period, fileName: name, sha256: name, receivedAt: 1,
                   status: .rejected, encoding: nil, rowCount: 0, badRowCount: 0, problemCount: 1, hasCost: false,
                   amountTotal: 0, costTotal: 0, archivePath: "archive/\(name)")
    }

    /// A store with one of each record, as kam writes them.
    func filledStore() throws -> KamStore {
        let store = try KamStore()
        try store.recordRejected(submission("receivables_2026Q3.csv", kind: .receivables, period: q3))
        try store.recordRejected(submission("销售.csv", kind: nil, period: nil))
        try store.recordAccepted(submission("approvals_2026Q3.csv", kind: .approvals, period: q3),
                                 records: .approvals([ApprovalRecord(customerID: "C1", approvedLimit: 100, approvedBy: "甲")]))
        let delivery = Delivery(job: JobKind.keyAccountReview.rawValue, owner: "group", period: .year(2026), revision: 1,
                                fireTime: "2027-01-15T07:00", path: "2026/x.xlsx", sha256: "s", inputs: "", reason: "首次生成",
                                deliveredAt: 2)
        try store.recordDelivery(delivery, statuses: [
            SubmissionStatusRecord(deliveryId: 0, subsidiary: "HG01", kind: .approvals, period: q3, status: .missing, receivedAt: nil),
            SubmissionStatusRecord(deliveryId: 0, subsidiary: "HG02", kind: .sales, period: sep, status: .late, receivedAt: 5),
        ])
        let run = try store.startRun(RunRecord(startedAt: 3, asOf: "2026-10-06"))
        try store.recordFailure(JobFailure(runId: try #require(run.id), job: JobKind.salesReport.rawValue, owner: "HG01", period: sep,
                                           error: "e", failedAt: 3))
        try store.enqueueOutbox([OutboxRecord(recipient: "r", channel: "email", itemKey: "k", period: "2026Q3", payload: "{}",
                                              queuedAt: 1, nextTryAt: 1)])
        var sent = try #require(try store.outbox().first)
        sent.status = .gaveUp
        try store.updateOutbox([sent])
        return store
    }

    func text(_ store: KamStore, _ sql: String) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: sql) }
    }

    @Test func theStoredTextIsWhatItAlwaysWas() throws {
        let store = try filledStore()
        #expect(try text(store, "SELECT kind || '|' || period || '|' || status FROM submission ORDER BY id")
                == ["receivables|2026Q3|rejected", "||rejected", "approvals|2026Q3|accepted"])
        #expect(try text(store, "SELECT job || '|' || period FROM delivery") == ["key-account-review|2026"])
        #expect(try text(store, "SELECT kind || '|' || period || '|' || status FROM submission_status ORDER BY subsidiary")
                == ["approvals|2026Q3|未报送", "sales|2026-09|逾期"])
        #expect(try text(store, "SELECT period FROM job_failure") == ["2026-09"])
        #expect(try text(store, "SELECT status FROM outbox_item") == ["gave-up"])

        // And reads back as the same values.
        let all = try store.allSubmissions()
        #expect(all.map(\.kind) == [.receivables, nil, .approvals])
        #expect(all.map(\.period) == [q3, nil, q3])
        #expect(all.map(\.status) == [.rejected, .rejected, .accepted])
        let delivery = try #require(try store.currentDeliveries().first)
        #expect(delivery.period == .year(2026))
        #expect(try store.currentDeliveries(period: .year(2026)).count == 1)
        #expect(try store.statuses(deliveryId: try #require(delivery.id)).map(\.status) == [.missing, .late])
        #expect(try store.openFailures().map(\.period) == [sep])
        #expect(try store.outbox().map(\.status) == [.gaveUp])
        #expect(try store.acceptedSubmissions(subsidiary: "HG01", kind: .approvals).map(\.fileName) == ["approvals_2026Q3.csv"])
        #expect(try store.submissions(subsidiary: "HG01", kind: .receivables, period: q3).map(\.fileName) == ["receivables_2026Q3.csv"])
    }

    /// Each typed column set to a text kam never writes — an unknown word, and a period in a
    /// spelling kam does not store (`2026q3`, `2026-9`) — fails the read that meets it with the
    /// table, column and text, and leaves the row in the store.
    @Test(arguments: [
        ("submission", "kind", "invoices"),
        ("submission", "period", "2026q3"),
        ("submission", "status", "ACCEPTED"),
        ("delivery", "period", "2026-9"),
        ("submission_status", "kind", "invoices"),
        ("submission_status", "period", "Q3"),
        ("submission_status", "status", "missing"),
        ("job_failure", "period", "last month"),
        ("outbox_item", "status", "gave up"),
    ])
    func anUnknownStoredTextIsAProblemNamingItsTable(table: String, column: String, value: String) throws {
        let store = try filledStore()
        let before = try text(store, "SELECT count(*) FROM \(table)")
        try store.write { db in try db.execute(sql: "UPDATE \(table) SET \(column) = ?", arguments: [value]) }
        do {
            switch table {
            case "submission": _ = try store.allSubmissions()
            case "delivery": _ = try store.currentDeliveries()
            case "submission_status": _ = try store.statuses(deliveryId: 1)
            case "job_failure": _ = try store.openFailures()
            default: _ = try store.outbox()
            }
            Issue.record("\(table).\(column) = \(value) was read")
        } catch let problem as StoredValueProblem {
            #expect(problem.table == table)
            #expect(problem.description == "unexpected value `column \(column) holding \"\(value)\"` in store table \(table)")
        }
        #expect(try text(store, "SELECT count(*) FROM \(table)") == before, "nothing was removed")
    }
}
