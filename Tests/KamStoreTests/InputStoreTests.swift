import GRDB
import Testing
@testable import KamIngest
@testable import KamPolicy
@testable import KamStore

@Suite struct InputStoreTests {
    let q3 = Period.quarter(year: 2026, quarter: 3)

    func submission(_ kind: InputKind, _ name: String, at received: Int64, sha: String, period: Period = .quarter(year: 2026, quarter: 3)) -> Submission {
        Submission(subsidiary: "HG01", kind: kind, period: period, fileName: name, sha256: sha, receivedAt: received,
                   status: .rejected, encoding: "utf-8", rowCount: 0, badRowCount: 0, problemCount: 0,
                   hasCost: false, amountTotal: 0, costTotal: 0, archivePath: "archive/\(sha)")
    }

    /// The store reads the file it is given; which file wins is `SubmissionIndex`'s (KamSchedulerTests).
    @Test func snapshotsAreReadFileByFile() throws {
        let store = try KamStore()
        let first = try store.recordAccepted(submission(.receivables, "receivables_2026Q3.csv", at: 100, sha: "a"),
                                             records: .receivables([ReceivableRecord(customerID: "C1", receivable: 1, overdue: 2, collected: 3),
                                                                    ReceivableRecord(customerID: "C2", receivable: 4, overdue: 5, collected: 6)]))
        let second = [ReceivableRecord(customerID: "Z9", receivable: 7, overdue: 8, collected: 9, paymentTerms: "现款"),
                      ReceivableRecord(customerID: "A1", receivable: -1, overdue: 0, collected: 0)]
        let later = try store.recordAccepted(submission(.receivables, "receivables_2026Q3_更正.csv", at: 200, sha: "b"),
                                             records: .receivables(second))
        let rejected = try store.recordRejected(submission(.receivables, "receivables_2026Q3_v3.csv", at: 300, sha: "c"))
        #expect(try store.receivables(of: later) == second)
        #expect(try store.receivables(of: first).map(\.customerID) == ["C1", "C2"])
        let all = try store.submissions(subsidiary: "HG01", kind: .receivables, period: q3)
        #expect(all.map(\.sha256) == ["a", "b", "c"])
        #expect(all.map(\.status) == [.accepted, .accepted, .rejected])
        // A rejected file, or a file of another kind, is never read as a snapshot: the message says what was asked.
        #expect(throws: KamStore.NotReadable.self) { try store.receivables(of: rejected) }
        #expect(throws: KamStore.NotReadable.self) { try store.customerIdentities(of: later) }
        do {
            _ = try store.approvals(of: later)
            Issue.record("read a receivables file as approvals")
        } catch let error as KamStore.NotReadable {
            #expect(error.description.contains("HG01/receivables_2026Q3_更正.csv"))
            #expect(error.description.contains("as an accepted approvals file"))
        }
    }

    /// Several files in one commit (the ingest's batches): stored in order, each accepted one
    /// with the accepted files of its kind as they stood right after it (what its receipt's
    /// effect is described against); a file that cannot be stored takes the whole batch back,
    /// so the ingest can store the others one by one.
    @Test func aBatchIsStoredInOrderOrNotAtAll() throws {
        let store = try KamStore()
        let first = submission(.approvals, "approvals_2026Q3.csv", at: 100, sha: "a")
        let second = submission(.approvals, "approvals_2026Q3_更正.csv", at: 200, sha: "b")
        let rejected = submission(.approvals, "approvals_2026Q3_v3.csv", at: 300, sha: "c")
        let stored = try store.record([.accepted(first, .approvals([ApprovalRecord(customerID: "A", approvedLimit: 1)])),
                                       .rejected(rejected),
                                       .accepted(second, .approvals([ApprovalRecord(customerID: "B", approvedLimit: 2)]))])
        #expect(stored.map(\.submission.sha256) == ["a", "c", "b"])
        #expect(stored.map(\.submission.status) == [.accepted, .rejected, .accepted])
        #expect(stored[0].acceptedOfKind.map(\.sha256) == ["a"])
        #expect(stored[1].acceptedOfKind.isEmpty)
        #expect(stored[2].acceptedOfKind.map(\.sha256) == ["a", "b"])
        #expect(try store.approvals(of: stored[2].submission) == [ApprovalRecord(customerID: "B", approvedLimit: 2)])

        // The same file twice (subsidiary, name, bytes and settings): the unique identity refuses
        // the second, and the first of the batch is not kept either.
        let third = submission(.receivables, "receivables_2026Q3.csv", at: 400, sha: "d")
        #expect(throws: (any Error).self) {
            try store.record([.accepted(third, .receivables([ReceivableRecord(customerID: "C1", receivable: 1, overdue: 0, collected: 0)])),
                              .rejected(third)])
        }
        #expect(try store.allSubmissions().map(\.sha256) == ["a", "c", "b"])
        #expect(try store.submissions(subsidiary: "HG01", kind: .receivables, period: q3).isEmpty)
    }

    @Test func customerFilesAndVisitsRoundTrip() throws {
        let store = try KamStore()
        var fields: [String: String] = [:]
        for (i, name) in CustomerFileRecord.fieldNames.enumerated() { fields[name] = "v\(i)" }
        let customers = [CustomerFileRecord(customerID: "00123", fields: fields),
                         CustomerFileRecord(customerID: "C2", fields: Dictionary(uniqueKeysWithValues: CustomerFileRecord.fieldNames.map { ($0, "") }))]
        try store.recordAccepted(submission(.customers, "customers_2026Q3.csv", at: 1, sha: "c"), records: .customers(customers))
        let file = try store.recordAccepted(submission(.customers, "customers_2026Q3_b.csv", at: 2, sha: "d"), records: .customers([]))
        #expect(try store.customerFiles(of: file).isEmpty)
        let first = try #require(try store.acceptedSubmissions(subsidiary: "HG01", kind: .customers).first)
        #expect(try store.customerFiles(of: first) == customers)
        // The identity fields alone (hq-quarterly's read): the same values, blanks as "".
        #expect(try store.customerIdentities(of: first) == customers.map(CustomerFileIdentity.init))
        #expect(try store.customerIdentities(of: first).map(\.creditCode) == ["v1", ""])
        #expect(try store.customerIdentities(of: file).isEmpty)
        let visits = [VisitRecord(date: LocalDate(year: 2026, month: 9, day: 30)!, customerID: "C1", visitor: "王五", role: .leader,
                                  purpose: "喝茶", notes: "n"),
                      VisitRecord(date: LocalDate(year: 2026, month: 7, day: 1)!, customerID: "C0", visitor: "赵六", role: .manager)]
        let s = try store.recordAccepted(submission(.visits, "visits_2026Q3.csv", at: 1, sha: "v"), records: .visits(visits))
        #expect(s.status == .accepted && s.id != nil)
        #expect(try store.visits(of: s) == visits)
    }

    /// Rows go in `RawInsert.rowsPerStatement` to a statement, the last group in one of its own
    /// size: every count around a group's edge comes back whole, in file order, with the rowids
    /// one row at a time would have given (file order).
    @Test func rowsAreStoredWholeAcrossGroupEdges() throws {
        let store = try KamStore()
        let group = RawInsert.rowsPerStatement
        for (n, count) in [0, 1, group - 1, group, group + 1, 2 * group, 2 * group + 1, 5 * group + 7].enumerated() {
            let rows = (0..<count).map { i in
                ReceivableRecord(customerID: "C\(n)-\(i)", receivable: Int64(i), overdue: -Int64(i), collected: Int64(n),
                                 paymentTerms: i % 3 == 0 ? "" : "月结\(i)天")
            }
            let s = try store.recordAccepted(submission(.receivables, "receivables_2026Q3_\(n).csv", at: Int64(n), sha: "r\(n)"),
                                             records: .receivables(rows))
            #expect(try store.receivables(of: s) == rows, "\(count) rows")
            let seqByRowid = try store.db.read { db in
                try Int.fetchAll(db, sql: "SELECT seq FROM receivable_row WHERE submissionId = ? ORDER BY rowid", arguments: [s.id])
            }
            #expect(seqByRowid == Array(0..<count), "\(count) rows")
        }
    }
}

@Suite struct SalesStoreTests {
    @Test func salesAggregatesRoundTripThroughRawBinds() throws {
        let store = try KamStore()
        // 400 filler lines put the NUL past the binary check's first 8 KiB.
        let filler = (0..<400).map { "2026-09-03,P\($0),丁,0,0\n" }.joined()
        let text = "date,customer_id,customer_name,amount,cost\n" + filler + "2026-09-01,00123,甲乙,1.50,1\n2026-09-02,C2,丙,-2,\n"
        var file = SalesFile.read(Array(text.utf8),
                                  period: .month(YearMonth(year: 2026, month: 9)), settings: ReadSettings())
        #expect(file.check.isAccepted(maxBadRows: 0))
        // Ingest now refuses a NUL in any cell (SPEC §8, issue 13), so it is put in by hand: the
        // store must still bind text by its length, not up to a NUL.
        let nul = "甲\u{0}乙"
        file.orderedMonths = file.orderedMonths.map { entry in
            var figures = entry.figures
            if entry.key.customerID == "00123" { figures.latestName = nul }
            return (entry.key, figures)
        }
        for key in file.months.keys where key.customerID == "00123" { file.months[key]?.latestName = nul }
        let s = Submission(subsidiary: "YY01", kind: .sales, period: .month(YearMonth(year: 2026, month: 9)), fileName: "sales_2026-09.csv", sha256: "x",
                           receivedAt: 1, status: .rejected, encoding: "utf-8", rowCount: 2, badRowCount: 0, problemCount: 0, hasCost: true,
                           amountTotal: file.amountTotal, costTotal: file.costTotal, archivePath: "a")
        let stored = try store.recordAccepted(s, records: .sales(file))
        let sep = YearMonth(year: 2026, month: 9)
        let history = try store.salesHistory(effective: [sep: stored])
        #expect(history.customers["00123"]?[sep]?.sales == 150)
        #expect(history.customers["00123"]?[sep]?.latestNameRecency == LineRecency(date: 20_260_901, sequence: 401))
        #expect(history.customers.count == 402)
        // The whole name is stored, NUL and all (GRDB's String read stops at the NUL: a reading
        // limit, not a storage one).
        let bytes = try store.db.read { db in
            try Int.fetchOne(db, sql: "SELECT length(CAST(latestName AS BLOB)) FROM sales_month WHERE customerId = '00123'")
        }
        #expect(bytes == Array("甲\u{0}乙".utf8).count)
        #expect(history.customers["C2"]?[sep]?.sales == -200)
    }
    @Test func aFileIsReadOnlyForTheMonthsItIsNamedFor() throws {
        let store = try KamStore()
        @discardableResult
        func record(_ period: Period, _ name: String, at received: Int64, hasCost: Bool, _ lines: String) throws -> Submission {
            let header = hasCost ? "date,customer_id,customer_name,amount,cost\n" : "date,customer_id,customer_name,amount\n"
            let file = SalesFile.read(Array((header + lines).utf8), period: period, settings: ReadSettings())
            #expect(file.check.isAccepted(maxBadRows: 0))
            let s = Submission(subsidiary: "HG01", kind: .sales, period: period, fileName: name, sha256: name,
                               receivedAt: received, status: .rejected, encoding: "utf-8", rowCount: 1, badRowCount: 0, problemCount: 0,
                               hasCost: hasCost, amountTotal: file.amountTotal, costTotal: file.costTotal, archivePath: name)
            return try store.recordAccepted(s, records: .sales(file))
        }
        let q3 = Period.quarter(year: 2026, quarter: 3)
        try record(q3, "sales_2026Q3.csv", at: 1, hasCost: true, """
            2026-07-02,C1,甲,1,0
            2026-08-02,C1,甲,2,0
            2026-09-02,C1,甲新,3,1
            2026-08-03,C2,甲,4,0
            2026-09-04,C3,丙,5,0

            """)
        // The correction read for all three months (as `SubmissionIndex` decides: later wins),
        // even those it has no line in: C2 and July/September's lines disappear, C3 appears.
        let correction = try record(q3, "sales_2026Q3_更正.csv", at: 2, hasCost: false, """
            2026-08-05,C1,乙,20
            2026-08-06,C3,丙,30
            2026-08-06,C3,丙,-30

            """)
        let (jul, aug, sep) = (YearMonth(year: 2026, month: 7), YearMonth(year: 2026, month: 8), YearMonth(year: 2026, month: 9))
        let history = try store.salesHistory(effective: [jul: correction, aug: correction, sep: correction])
        #expect(history.customers.keys.sorted() == ["C1", "C3"])
        #expect(history.customers["C1"]?.keys.sorted() == [aug])
        #expect(history.customers["C1"]?[aug]?.sales == 2000)
        #expect(history.customers["C1"]?[aug]?.latestName == "乙")
        #expect(history.customers["C3"]?[aug]?.sales == 0)
        #expect(history.customers["C3"]?[aug]?.nonZeroLines == 2)
        #expect(history.customers["C3"]?[aug]?.latestName == "丙")
        #expect(history.costKnownByMonth == [aug: false])
        #expect(history.customers["C1"]?[jul] == nil && history.customers["C1"]?[sep] == nil)

        // Only the months asked for are read: the correction has no September line.
        let september = try store.salesHistory(effective: [sep: correction])
        #expect(september.customers.isEmpty && september.costKnownByMonth.isEmpty)
    }

    @Test func monthlyFilesComposeAcrossMonths() throws {
        let store = try KamStore()
        func record(_ month: Int, at received: Int64, hasCost: Bool, _ lines: String) throws -> Submission {
            let period = Period.month(YearMonth(year: 2026, month: month))
            let header = hasCost ? "date,customer_id,customer_name,amount,cost\n" : "date,customer_id,customer_name,amount\n"
            let file = SalesFile.read(Array((header + lines).utf8), period: period, settings: ReadSettings())
            #expect(file.check.isAccepted(maxBadRows: 0))
            let name = "sales_\(period).csv"
            let s = Submission(subsidiary: "YY01", kind: .sales, period: period, fileName: name, sha256: name,
                               receivedAt: received, status: .rejected, encoding: "utf-8", rowCount: 1, badRowCount: 0, problemCount: 0,
                               hasCost: hasCost, amountTotal: file.amountTotal, costTotal: file.costTotal, archivePath: name)
            return try store.recordAccepted(s, records: .sales(file))
        }
        let july = try record(7, at: 1, hasCost: true, "2026-07-02,C1,甲,1,1\n2026-07-03,C2,同名,2,1\n")
        let august = try record(8, at: 2, hasCost: false, "2026-08-02,C1,甲二,3\n2026-08-03,C3,同名,4\n")
        let september = try record(9, at: 3, hasCost: true, "2026-09-02,C2,同名,5,2\n")
        let months = YearMonth.range(YearMonth(year: 2026, month: 7), through: YearMonth(year: 2026, month: 9))
        let (jul, aug, sep) = (months[0], months[1], months[2])
        let history = try store.salesHistory(effective: [jul: july, aug: august, sep: september])
        #expect(history.customers["C1"]?.keys.sorted() == [jul, aug])
        #expect(history.customers["C1"]?[aug]?.latestName == "甲二")
        #expect(history.customers["C2"]?.keys.sorted() == [jul, sep])
        #expect(history.customers["C2"]?[sep]?.cost == 200)
        #expect(history.customers["C3"]?[aug]?.latestName == "同名")
        #expect(history.costKnownByMonth == [jul: true, aug: false, sep: true])
        #expect(try history.sales(of: "C2", in: months) == 700)
    }
    @Test func interleavedRowidsStillReadOnlyTheFilesRows() throws {
        let store = try KamStore()
        func record(_ month: Int, _ lines: String) throws -> Submission {
            let period = Period.month(YearMonth(year: 2026, month: month))
            let file = SalesFile.read(Array(("date,customer_id,customer_name,amount\n" + lines).utf8), period: period,
                                      settings: ReadSettings())
            let name = "sales_\(period).csv"
            let s = Submission(subsidiary: "YY01", kind: .sales, period: period, fileName: name, sha256: name,
                               receivedAt: Int64(month), status: .rejected, encoding: "utf-8", rowCount: 1, badRowCount: 0,
                               problemCount: 0, hasCost: false, amountTotal: file.amountTotal, costTotal: file.costTotal,
                               archivePath: name)
            return try store.recordAccepted(s, records: .sales(file))
        }
        let july = try record(7, "2026-07-02,C1,甲,1\n")
        _ = try record(8, "2026-08-02,C2,乙,2\n2026-08-03,C3,丙,3\n")
        // A row of July's file after August's rows (a store written by another version, say).
        try store.db.write { db in
            try db.execute(sql: """
                INSERT INTO sales_month (submissionId, customerId, month, sales, cost, nonZeroLines, lines, latestName,
                                         latestNameDate, latestNameSequence)
                VALUES (?, 'C4', ?, 400, 0, 1, 1, '丁', 20260705, 9)
                """, arguments: [july.id, YearMonth(year: 2026, month: 7).index])
        }
        let jul = YearMonth(year: 2026, month: 7)
        let history = try store.salesHistory(effective: [jul: july])
        #expect(history.customers.keys.sorted() == ["C1", "C4"])
        #expect(history.customers["C4"]?[jul]?.sales == 400)
    }
}
