import Testing
@testable import KamPolicy

/// Every fire time of every job over 2026–2027, for both cadences, with the workday shift on:
/// weekends move to Monday, the National Day holidays (Oct 1–8, 2026) and New Year 2027 move
/// forward, and the adjusted working Saturday 2026-10-10 (调休) keeps its deadline. The
/// expected dates were listed by hand from a 2026/2027 calendar.
@Suite struct PolicyCalendarTwoYearTests {
    static func date(_ s: String) -> LocalDate {
        let p = s.split(separator: "-").compactMap { Int($0) }
        return LocalDate(year: p[0], month: p[1], day: p[2]) ?? LocalDate(daysSinceEpoch: 0)
    }

    let calendar: PolicyCalendar = {
        var holidays = Set((1...8).map { date("2026-10-0\($0)") })
        holidays.insert(date("2027-01-01"))
        let workdays = WorkdayCalendar(shiftToWorkday: true, holidays: holidays,
                                       workdays: [date("2026-10-10"), date("2026-09-27")])
        return PolicyCalendar(organisation: PolicyCalendarTests.organisation, since: YearMonth(year: 2026, month: 1),
                              workdays: workdays)
    }()

    func fires(_ job: JobKind, _ owner: String) -> [String] {
        calendar.instances(firingFrom: YearMonth(year: 2026, month: 1), through: YearMonth(year: 2027, month: 12), jobs: [job])
            .filter { $0.owner == owner }.map(\.fireTime.date.description)
    }

    func periods(_ job: JobKind, _ owner: String) -> [String] {
        calendar.instances(firingFrom: YearMonth(year: 2026, month: 1), through: YearMonth(year: 2027, month: 12), jobs: [job])
            .filter { $0.owner == owner }.map(\.period.description)
    }

    static let sixthEveryMonth = [
        "2026-01-06", "2026-02-06", "2026-03-06", "2026-04-06", "2026-05-06", "2026-06-08", "2026-07-06", "2026-08-06",
        "2026-09-07", "2026-10-09", "2026-11-06", "2026-12-07", "2027-01-06", "2027-02-08", "2027-03-08", "2027-04-06",
        "2027-05-06", "2027-06-07", "2027-07-06", "2027-08-06", "2027-09-06", "2027-10-06", "2027-11-08", "2027-12-06",
    ]
    static let sixthOfQuarterStarts = ["2026-01-06", "2026-04-06", "2026-07-06", "2026-10-09",
                                       "2027-01-06", "2027-04-06", "2027-07-06", "2027-10-06"]
    static let eighthOfQuarterStarts = ["2026-01-08", "2026-04-08", "2026-07-08", "2026-10-09",
                                        "2027-01-08", "2027-04-08", "2027-07-08", "2027-10-08"]

    /// A monthly line's instances: one a month, and in quarter-start months a second, for the quarter.
    static func withQuarterRepeats(_ fires: [String]) -> [String] {
        fires.flatMap { f -> [String] in ["-01-", "-04-", "-07-", "-10-"].contains { f.contains($0) } ? [f, f] : [f] }
    }

    @Test func monthlyLineJobs() {
        #expect(fires(.salesReport, "YY01") == Self.withQuarterRepeats(Self.sixthEveryMonth))
        #expect(periods(.salesReport, "YY01").prefix(3) == ["2025-12", "2025Q4", "2026-01"])
        #expect(periods(.salesReport, "YY01").last == "2027-11")
        #expect(fires(.lineSummary, "pharma") == Self.withQuarterRepeats([
            "2026-01-08", "2026-02-09", "2026-03-09", "2026-04-08", "2026-05-08", "2026-06-08", "2026-07-08", "2026-08-10",
            "2026-09-08", "2026-10-09", "2026-11-09", "2026-12-08", "2027-01-08", "2027-02-08", "2027-03-08", "2027-04-08",
            "2027-05-10", "2027-06-08", "2027-07-08", "2027-08-09", "2027-09-08", "2027-10-08", "2027-11-08", "2027-12-08",
        ]))
        #expect(periods(.lineSummary, "pharma").filter { $0.contains("Q") } == ["2025Q4", "2026Q1", "2026Q2", "2026Q3",
                                                                                "2026Q4", "2027Q1", "2027Q2", "2027Q3"])
    }

    @Test func quarterlyLineJobsFireOnlyInJanAprJulOct() {
        #expect(fires(.salesReport, "HG01") == Self.sixthOfQuarterStarts)
        #expect(periods(.salesReport, "HG01") == ["2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3"])
        #expect(fires(.lineSummary, "chem") == Self.eighthOfQuarterStarts)
    }

    @Test func quarterlyJobsForEveryLine() {
        for owner in ["HG01", "YY01"] {
            #expect(fires(.creditReport, owner) == Self.sixthOfQuarterStarts)
            #expect(fires(.fileMaintenance, owner) == Self.eighthOfQuarterStarts)
            // 2026-10-10 is a Saturday but a 调休 working day: no shift.
            #expect(fires(.visitReport, owner) == ["2026-01-12", "2026-04-10", "2026-07-10", "2026-10-10",
                                                   "2027-01-11", "2027-04-12", "2027-07-12", "2027-10-11"])
            #expect(periods(.visitReport, owner) == ["2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3"])
        }
        #expect(fires(.hqQuarterly, JobInstance.groupOwner) == ["2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15",
                                                               "2027-01-15", "2027-04-15", "2027-07-15", "2027-10-15"])
    }

    @Test func proposalsOnThe21stOfQuarterEndMonthsForTheNextQuarter() {
        for owner in ["HG01", "YY01"] {
            #expect(fires(.creditLimitProposal, owner) == ["2026-03-23", "2026-06-22", "2026-09-21", "2026-12-21",
                                                           "2027-03-22", "2027-06-21", "2027-09-21", "2027-12-21"])
            #expect(periods(.creditLimitProposal, owner) == ["2026Q2", "2026Q3", "2026Q4", "2027Q1",
                                                             "2027Q2", "2027Q3", "2027Q4", "2028Q1"])
        }
    }

    @Test func keyAccountReviewEachJanuary() {
        #expect(fires(.keyAccountReview, JobInstance.groupOwner) == ["2026-01-15", "2027-01-15"])
        #expect(periods(.keyAccountReview, JobInstance.groupOwner) == ["2025", "2026"])
    }

    @Test func theTimeOfDayIsRunAt() {
        let all = calendar.instances(firingFrom: YearMonth(year: 2026, month: 1), through: YearMonth(year: 2027, month: 12))
        #expect(all.allSatisfy { $0.fireTime.time == TimeOfDay.defaultRunAt })
        // sales 24 + 8 + 8 (the monthly line's quarters), credit/file/visit 3 × 8 × 2, line
        // summaries 24 + 8 + 8, HQ 8, proposals 8 × 2, reviews 2.
        #expect(all.count == (24 + 8 + 8) + 3 * 8 * 2 + (24 + 8 + 8) + 8 + 8 * 2 + 2)
    }
}
