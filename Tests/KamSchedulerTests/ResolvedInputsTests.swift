import Foundation
import Testing
@testable import KamIngest
@testable import KamPolicy
@testable import KamScheduler
@testable import KamStore

/// The resolve stage: "later file wins" is decided once, in `SubmissionIndex`, and what a build
/// lists, reads and is keyed on is that one decision.
@Suite struct ResolvedInputsTests {
    let q3 = Period.quarter(year: 2026, quarter: 3)
    let jul = YearMonth(year: 2026, month: 7)
    let aug = YearMonth(year: 2026, month: 8)
    let sep = YearMonth(year: 2026, month: 9)

    @Test func laterSalesFileWinsMonthByMonthAndTheLoaderReadsExactlyThat() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        let quarter = try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n2026-08-01,C1,甲,2\n2026-09-01,C1,甲,3\n")
        let september = try f.sales(.month(sep), "sales_2026-09.csv", at: 200, "2026-09-05,C1,甲新,30\n")
        // A rejected later file supersedes nothing.
        try f.rejected(.sales, .month(aug), "sales_2026-08.csv", at: 300)
        let scope = SubsidiaryInputs.Scope(salesMonths: [jul, aug, sep])
        let read = SubsidiaryRead(subsidiary: "HG01", scope: scope)
        let resolved = ResolvedInputs(reads: [read], index: try f.index)
        #expect(resolved.files["HG01"]?.sales == [jul: quarter, aug: quarter, sep: september])
        #expect(resolved.submissions.map(\.fileName) == ["sales_2026Q3.csv", "sales_2026-09.csv"])
        let loader = SubsidiaryInputs(config: f.config, resolved: resolved, shared: SharedInputs(store: f.store))
        let history = try loader.salesHistory("HG01", scope: scope)
        #expect(history.customers["C1"]?[jul]?.sales == 100)
        #expect(history.customers["C1"]?[sep]?.sales == 3000)
        #expect(history.customers["C1"]?[sep]?.latestName == "甲新")
        #expect(try loader.coveredMonths("HG01", scope: scope) == [jul, aug, sep])
    }

    @Test func aQuarterSnapshotIsSupersededWholeAndTiesGoByName() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.receivables(q3, "receivables_2026Q3_b.csv", at: 100, [ReceivableRecord(customerID: "B", receivable: 2, overdue: 0, collected: 0)])
        try f.receivables(q3, "receivables_2026Q3_a.csv", at: 100, [ReceivableRecord(customerID: "A", receivable: 1, overdue: 0, collected: 0)])
        try f.rejected(.receivables, q3, "receivables_2026Q3_c.csv", at: 500)
        let scope = SubsidiaryInputs.Scope(salesMonths: [], receivables: .through(q3))
        let resolved = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: scope)], index: try f.index)
        // Same received time: ordered by name, the later name wins.
        #expect(resolved.submissions.map(\.fileName) == ["receivables_2026Q3_b.csv"])
        let loader = SubsidiaryInputs(config: f.config, resolved: resolved, shared: SharedInputs(store: f.store))
        #expect(try loader.receivables("HG01", scope)[q3]?.map(\.customerID) == ["B"])
    }

    @Test func theManagerSheetReadsOneCustomersFileTheLatestQuarterByThePeriodsEnd() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.customers(.quarter(year: 2026, quarter: 1), "customers_2026Q1.csv", at: 100)
        let q2 = try f.customers(.quarter(year: 2026, quarter: 2), "customers_2026Q2.csv", at: 200)
        try f.customers(.quarter(year: 2026, quarter: 4), "customers_2026Q4.csv", at: 300)
        let resolved = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: SalesReportJob.scope(q3))], index: try f.index)
        #expect(resolved.submissions == [q2])
    }

    @Test func aReadTheJobDidNotDeclareIsRefused() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n")
        let declared = SubsidiaryInputs.Scope(salesMonths: [jul])
        let resolved = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: declared)], index: try f.index)
        let loader = SubsidiaryInputs(config: f.config, resolved: resolved, shared: SharedInputs(store: f.store))
        #expect(throws: ResolvedInputs.UndeclaredRead.self) { try loader.salesHistory("HG01", scope: .init(salesMonths: [jul, aug])) }
        #expect(throws: ResolvedInputs.UndeclaredRead.self) { try loader.salesHistory("YY01", scope: declared) }
        #expect(try loader.salesHistory("HG01", scope: declared).customers["C1"]?[jul]?.sales == 100)
    }

    /// A history or snapshot two builds read is loaded once, kept until the last build that
    /// expects it is done, then dropped; a build the run did not expect (a consolidation)
    /// reads for itself and keeps nothing.
    @Test func sharedLoadsAreKeptUntilTheLastBuildThatExpectsThemIsDone() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n")
        try f.receivables(q3, "receivables_2026Q3.csv", at: 100, [ReceivableRecord(customerID: "A", receivable: 1, overdue: 0, collected: 0)])
        let index = try f.index
        let credit = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: CreditReportJob.scope(q3))], index: index)
        let visits = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: VisitReportJob.scope(q3))], index: index)
        // The credit report and the visit report read the same history and receivables file.
        #expect(SharedInputs.loads(of: credit) == SharedInputs.loads(of: visits))
        // The history, the receivables file, and that file keyed by customer as the credit rules keep it.
        #expect(SharedInputs.loads(of: credit).count == 3)

        let shared = SharedInputs(store: f.store)
        shared.expect(credit, at: 0)
        shared.expect(visits, at: 40)
        let first = try SubsidiaryInputs(config: f.config, resolved: credit, shared: shared, position: 0).credit("HG01", CreditReportJob.scope(q3))
        #expect(shared.heldCount == 3)
        shared.release(SharedInputs.loads(of: credit), at: 0)
        #expect(shared.heldCount == 3)  // position 40 still expects all three
        let again = try SubsidiaryInputs(config: f.config, resolved: visits, shared: shared, position: 40).credit("HG01", VisitReportJob.scope(q3))
        shared.release(SharedInputs.loads(of: visits), at: 40)
        #expect(shared.heldCount == 0)
        #expect(try again.history.sales(of: "C1", in: [jul]) == first.history.sales(of: "C1", in: [jul]))
        #expect(again.receivables == first.receivables)

        // An unexpected build (position 7, after the expected one is done) reads the same
        // figures and leaves nothing held.
        let alone = SharedInputs(store: f.store)
        alone.expect(credit, at: 0)
        _ = try SubsidiaryInputs(config: f.config, resolved: credit, shared: alone, position: 0).credit("HG01", CreditReportJob.scope(q3))
        alone.release(SharedInputs.loads(of: credit), at: 0)
        #expect(alone.heldCount == 0)
        let unplanned = try SubsidiaryInputs(config: f.config, resolved: visits, shared: alone, position: 7).credit("HG01", VisitReportJob.scope(q3))
        #expect(alone.heldCount == 0)
        #expect(try unplanned.history.sales(of: "C1", in: [jul]) == first.history.sales(of: "C1", in: [jul]))
        #expect(unplanned.receivables == first.receivables)
    }

    /// Builds of one subsidiary that read different months (a monthly 客户销售报表's 24 months, a
    /// credit report's 27) share one load of the history over all of them, and each gets the
    /// history a load of its own months would give: a customer with sales only outside its
    /// months is not in it.
    @Test func oneHistoryLoadServesBuildsOfDifferentMonths() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n2026-09-02,C2,乙,5\n")
        let index = try f.index
        let july = SubsidiaryInputs.Scope(salesMonths: [jul]), quarter = SubsidiaryInputs.Scope(salesMonths: [jul, aug, sep])
        let first = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: july)], index: index)
        let second = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: quarter)], index: index)
        #expect(SharedInputs.loads(of: first) == SharedInputs.loads(of: second))
        let shared = SharedInputs(store: f.store)
        shared.expect(first, at: 0)
        shared.expect(second, at: 1)
        let julyHistory = try SubsidiaryInputs(config: f.config, resolved: first, shared: shared, position: 0).salesHistory("HG01", scope: july)
        #expect(shared.heldCount == 1)
        shared.release(SharedInputs.loads(of: first), at: 0)
        #expect(shared.heldCount == 1)
        let quarterHistory = try SubsidiaryInputs(config: f.config, resolved: second, shared: shared, position: 1)
            .salesHistory("HG01", scope: quarter)
        shared.release(SharedInputs.loads(of: second), at: 1)
        #expect(shared.heldCount == 0)
        #expect(Array(julyHistory.customers.keys) == ["C1"])
        #expect(Set(quarterHistory.customers.keys) == ["C1", "C2"])
        #expect(julyHistory.customers == (try f.store.salesHistory(effective: try first.files("HG01", july).sales)).customers)
        #expect(julyHistory.costKnownByMonth == (try f.store.salesHistory(effective: try first.files("HG01", july).sales)).costKnownByMonth)
        #expect(quarterHistory.customers == (try f.store.salesHistory(effective: try second.files("HG01", quarter).sales)).customers)
    }
}

/// A subsidiary's credit workbooks hand each other the quarters' assessed grades
/// (`SharedAssessedGrades`) when — and only when — they were assessed from the same files.
@Suite struct SharedAssessedGradesTests {
    let q2 = Period.quarter(year: 2026, quarter: 2)
    let q3 = Period.quarter(year: 2026, quarter: 3)
    let jul = YearMonth(year: 2026, month: 7)

    @Test func aQuarterIsAssessedOnceForTheSubsidiarysBuildsThatReadTheSameFiles() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1000000\n2026-08-01,C2,乙,5\n")
        try f.receivables(q2, "receivables_2026Q2.csv", at: 90, [ReceivableRecord(customerID: "C1", receivable: 50, overdue: 0, collected: 0)])
        try f.receivables(q3, "receivables_2026Q3.csv", at: 100, [
            ReceivableRecord(customerID: "C1", receivable: 100_000, overdue: 90_000, collected: 0),
            ReceivableRecord(customerID: "C2", receivable: 0, overdue: 0, collected: 0),
        ])
        let index = try f.index
        let credit = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: CreditReportJob.scope(q3))], index: index)
        let visits = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: VisitReportJob.scope(q3))], index: index)
        let shared = SharedInputs(store: f.store)
        shared.expect(credit, at: 0)
        shared.expect(visits, at: 1)
        let first = try SubsidiaryInputs(config: f.config, resolved: credit, shared: shared, position: 0).credit("HG01", CreditReportJob.scope(q3))
        let second = try SubsidiaryInputs(config: f.config, resolved: visits, shared: shared, position: 1).credit("HG01", VisitReportJob.scope(q3))
        var own = first
        own.assessedGradesShare = nil
        let expected = try own.assessedGrades(in: q3)
        #expect(!expected.isEmpty)

        // The first build assesses and the grades are held; the second is handed them.
        #expect(try first.assessedGrades(in: q3) == expected)
        let key = try #require(first.assessedGradesShare as? SharedAssessedGrades).key(q3)
        #expect(try #require(second.assessedGradesShare as? SharedAssessedGrades).key(q3) == key)
        var calls = 0
        let handed = try shared.assessedGrades("HG01", key: key, for: 1) { () throws(MoneyOverflow) in calls += 1; return [:] }
        #expect(calls == 0 && handed == expected)
        #expect(try second.assessedGrades(in: q3) == expected)

        // Released with the subsidiary's history once its last build is done.
        shared.release(SharedInputs.loads(of: credit), at: 0)
        shared.release(SharedInputs.loads(of: visits), at: 1)
        _ = try shared.assessedGrades("HG01", key: key, for: 2) { () throws(MoneyOverflow) in calls += 1; return [:] }
        #expect(calls == 1)
    }

    /// A quarter whose months lie partly outside a build's window reads as no sales there: that
    /// build's grades of it are not the other's, and the keys say so.
    @Test func aQuarterOutsideOneWindowIsNotSharedWithIt() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n")
        let index = try f.index
        let whole = SubsidiaryInputs.Scope(salesMonths: [jul, jul.adding(months: 1), jul.adding(months: 2)])
        let part = SubsidiaryInputs.Scope(salesMonths: [jul.adding(months: 1), jul.adding(months: 2)])
        let a = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: whole)], index: index)
        let b = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: part)], index: index)
        let shared = SharedInputs(store: f.store)
        let keyA = SharedAssessedGrades(shared: shared, subsidiary: "HG01", files: try a.files("HG01", whole), position: 0).key(q3)
        let keyB = SharedAssessedGrades(shared: shared, subsidiary: "HG01", files: try b.files("HG01", part), position: 1).key(q3)
        #expect(keyA != keyB)
        #expect(keyB.contains("sales -,"))
        #expect(keyA.hasSuffix("receivables -,-"))
    }
}

/// Issue 14's symptom: HG01's 2026Q4 资信额度申请表 (proposed 2026-09-21) listed in its lineage a
/// receivables file received 2026-10-03 that none of its figures read (terms and grades are
/// taken at the basis month).
@Suite struct ProposalInputsTests {
    @Test func aProposalListsNoReceivablesSnapshotAfterItsBasisMonth() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        let q2 = Period.quarter(year: 2026, quarter: 2), q3 = Period.quarter(year: 2026, quarter: 3)
        let june = try f.receivables(q2, "receivables_2026Q2.csv", at: 100, [ReceivableRecord(customerID: "A", receivable: 1, overdue: 0, collected: 0)])
        let late = try f.receivables(q3, "receivables_2026Q3.csv", at: 200, [ReceivableRecord(customerID: "A", receivable: 9, overdue: 9, collected: 0)])
        let pipeline = f.pipeline()
        let context = try pipeline.context()
        let instance = JobInstance(job: .creditLimitProposal, owner: "HG01", period: .quarter(year: 2026, quarter: 4),
                                   fireTime: LocalDateTime(parsing: "2026-09-21T07:00")!)
        let resolved = pipeline.job(.creditLimitProposal, context: context).resolve(instance, index: context.index)
        // HG01 reports quarterly: B is June, so Q2's snapshot is read and listed, Q3's neither.
        #expect(resolved.submissions.contains(june))
        #expect(!resolved.submissions.contains(late))
        // The credit report for Q3 does read it.
        let credit = JobInstance(job: .creditReport, owner: "HG01", period: q3, fireTime: LocalDateTime(parsing: "2026-10-12T07:00")!)
        #expect(pipeline.job(.creditReport, context: context).resolve(credit, index: context.index).submissions.contains(late))
    }
}
