import Foundation
import Testing
@testable import KamIngest
@testable import KamPolicy
@testable import KamScheduler
@testable import KamStore

/// 批复状态 comes from the job's resolved inputs (issue 14), not from a store query of its own:
/// the file read for Q' is in the build's lineage, the first accepted file's received time
/// decides (a correction received later does not make an on-time approval late), and a quarter
/// outside the job's declared reads is refused instead of being answered behind the lineage.
@Suite struct ApprovalStatusLookupTests {
    let q3 = Period.quarter(year: 2026, quarter: 3)

    @discardableResult
    func approvals(_ f: SchedulerFixture, _ quarter: Period, _ name: String, at received: Int64) throws -> Submission {
        try f.store.recordAccepted(f.submission(.approvals, quarter, name, at: received),
                                   records: .approvals([ApprovalRecord(customerID: "C1", approvedLimit: 100, approvedBy: "总经理")]))
    }

    func build(_ f: SchedulerFixture, _ scope: SubsidiaryInputs.Scope) throws -> BuildInfo {
        let resolved = ResolvedInputs(reads: [SubsidiaryRead(subsidiary: "HG01", scope: scope)], index: try f.index)
        return BuildInfo(revision: 1, reason: RevisionReason.first, resolved: resolved, statuses: [])
    }

    @Test func theFirstAcceptedFileDecidesAndTheFileReadIsInTheLineage() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        let clock = f.clock
        let deadline = f.config.calendar.fireTime(of: .creditLimitProposal, in: ProposalBasisMonth.proposalMonth(for: q3)).date
            .adding(days: f.config.policy.credit.approvalDays)
        // On time (the deadline day, in the configured zone), then a correction long after.
        let onTime = try clock.instant(of: LocalDateTime(date: deadline, time: try #require(TimeOfDay(hour: 12, minute: 0))))
        try approvals(f, q3, "approvals_2026Q3.csv", at: onTime)
        let correction = try approvals(f, q3, "approvals_2026Q3_更正.csv", at: onTime + 30 * 86_400)
        try f.rejected(.approvals, q3, "approvals_2026Q3_坏.csv", at: onTime - 86_400)
        let scope = CreditReportJob.scope(q3)
        let build = try build(f, scope)
        let status = try ApprovalStatusLookup.timeliness("HG01", for: q3, read: scope, build: build, config: f.config, clock: clock)
        #expect(status.status == .onTime)
        #expect(status.received == clock.local(of: onTime))
        #expect(build.inputs.filter { $0.kind == .approvals }.map(\.fileName) == [correction.fileName])

        // No accepted file for Q3 yet: 未批复, and nothing in the lineage.
        let empty = try SchedulerFixture()
        defer { empty.remove() }
        try empty.rejected(.approvals, q3, "approvals_2026Q3.csv", at: onTime)
        let none = try ApprovalStatusLookup.timeliness("HG01", for: q3, read: scope, build: try self.build(empty, scope),
                                                       config: empty.config, clock: clock)
        #expect(none.status == .notApproved && none.received == nil)
    }

    @Test func aQuarterOutsideTheDeclaredReadsIsRefused() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try approvals(f, q3.shifted(by: 1), "approvals_2026Q4.csv", at: 100)
        let scope = CreditReportJob.scope(q3)
        let build = try build(f, scope)
        // Q4's approvals are not what credit-report for Q3 declared: not read, not in its lineage.
        #expect(throws: ResolvedInputs.UndeclaredRead.self) {
            try ApprovalStatusLookup.timeliness("HG01", for: q3.shifted(by: 1), read: scope, build: build, config: f.config,
                                                clock: f.clock)
        }
        // A read the job did not declare at all is refused too.
        #expect(throws: ResolvedInputs.UndeclaredRead.self) {
            try ApprovalStatusLookup.timeliness("HG01", for: q3.shifted(by: 1), read: HQQuarterlyJob.scope(q3), build: build,
                                                config: f.config, clock: f.clock)
        }
        // hq-quarterly declares Q+1's approvals: read, listed, and its received time decides.
        let hq = try self.build(f, HQQuarterlyJob.scope(q3))
        let next = try ApprovalStatusLookup.timeliness("HG01", for: q3.shifted(by: 1), read: HQQuarterlyJob.scope(q3), build: hq,
                                                       config: f.config, clock: f.clock)
        #expect(next.received == f.clock.local(of: 100))
        #expect(hq.inputs.map(\.fileName) == ["approvals_2026Q4.csv"])
    }
}
