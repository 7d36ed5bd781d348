import Testing
@testable import KamPolicy

@Suite struct PolicyCalendarTests {
    static let organisation = Organisation(
        lines: [BusinessLine(code: "chem", name: "化工", cadence: .quarterly),
                BusinessLine(code: "pharma", name: "医药", cadence: .monthly)],
        subsidiaries: [Subsidiary(code: "HG01", name: "华东化工", lineCode: "chem"),
                       Subsidiary(code: "YY01", name: "华北医药", lineCode: "pharma")])

    static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    let calendar = PolicyCalendar(organisation: organisation, since: YearMonth(year: 2026, month: 1))

    func instances(_ job: JobKind, owner: String? = nil) -> [JobInstance] {
        calendar.instances(firingFrom: YearMonth(year: 2026, month: 1), through: YearMonth(year: 2027, month: 12),
                           jobs: [job]).filter { owner == nil || $0.owner == owner }
    }

    @Test func salesReportFollowsEachLinesCadence() {
        let pharma = instances(.salesReport, owner: "YY01")
        // 24 months, plus a quarter instance in each of the 8 quarter-start months (SPEC §2).
        #expect(pharma.count == 24 + 8)
        #expect(pharma.prefix(3).map(\.period.description) == ["2025-12", "2025Q4", "2026-01"])
        #expect(pharma.prefix(2).allSatisfy { $0.fireTime.description == "2026-01-06T07:00" })
        #expect(pharma.filter(\.period.isQuarter).map { $0.fireTime.date.month } == [1, 4, 7, 10, 1, 4, 7, 10])
        let chem = instances(.salesReport, owner: "HG01")
        #expect(chem.map(\.fireTime.date.month) == [1, 4, 7, 10, 1, 4, 7, 10])
        #expect(chem.map(\.period.description) == ["2025Q4", "2026Q1", "2026Q2", "2026Q3",
                                                   "2026Q4", "2027Q1", "2027Q2", "2027Q3"])
    }

    @Test func quarterlyJobsFireInQuarterStartMonthsForEveryLine() {
        for job in [JobKind.creditReport, .fileMaintenance, .visitReport] {
            let all = instances(job)
            #expect(all.count == 16, "\(job)")  // 8 quarters × 2 subsidiaries
            #expect(Set(all.map(\.fireTime.date.month)) == [1, 4, 7, 10])
            #expect(Set(all.map(\.fireTime.date.day)) == [job.defaultDay])
        }
        let hq = instances(.hqQuarterly)
        #expect(hq.count == 8 && hq.allSatisfy { $0.owner == "集团" && $0.fireTime.date.day == 15 })
    }

    @Test func lineSummaryPerLine() {
        #expect(instances(.lineSummary, owner: "pharma").count == 24 + 8)
        #expect(instances(.lineSummary, owner: "pharma").filter(\.period.isQuarter).map(\.period.description)
                == ["2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3"])
        #expect(instances(.lineSummary, owner: "chem").count == 8)
        #expect(instances(.lineSummary).allSatisfy { $0.fireTime.date.day == 8 })
    }

    @Test func proposalsFireOnThe21stOfQuarterEndMonthsForTheNextQuarter() {
        let p = instances(.creditLimitProposal, owner: "HG01")
        #expect(p.map(\.fireTime.date.description) == ["2026-03-21", "2026-06-21", "2026-09-21", "2026-12-21",
                                                       "2027-03-21", "2027-06-21", "2027-09-21", "2027-12-21"])
        #expect(p.map(\.period.description) == ["2026Q2", "2026Q3", "2026Q4", "2027Q1",
                                                "2027Q2", "2027Q3", "2027Q4", "2028Q1"])
    }

    @Test func reviewInJanuaryForThePreviousYear() {
        let r = instances(.keyAccountReview)
        #expect(r.map(\.period.description) == ["2025", "2026"])
        #expect(r.map(\.fireTime.date.description) == ["2026-01-15", "2027-01-15"])
    }

    @Test func dueMeansFiredAndPeriodNotBeforeSince() {
        let due = calendar.dueInstances(asOf: LocalDateTime(parsing: "2026-04-06T07:00")!, jobs: [.salesReport])
        // YY01 Jan (2025-12 and 2025Q4 < since: not reported), Feb, Mar, Apr → 2026-01, 2026-02,
        // 2026-03 and, on April 6 too, the quarter 2026Q1 (month first); HG01 2026Q1 only.
        #expect(due.map { "\($0.owner) \($0.period)" } == ["YY01 2026-01", "YY01 2026-02", "HG01 2026Q1", "YY01 2026-03", "YY01 2026Q1"])
        let justBefore = calendar.dueInstances(asOf: LocalDateTime(parsing: "2026-04-06T06:59")!, jobs: [.salesReport])
        #expect(justBefore.count == 2)
    }

    @Test func workdayShiftSkipsWeekendsAndHolidaysButNotAdjustedWorkdays() {
        var holidays: Set<LocalDate> = []
        for d in 1...8 { holidays.insert(Self.date(2026, 10, d)) }
        let workdays = WorkdayCalendar(shiftToWorkday: true, holidays: holidays, workdays: [Self.date(2026, 10, 10)])
        let shifted = PolicyCalendar(organisation: Self.organisation, since: YearMonth(year: 2026, month: 1), workdays: workdays)
        let oct = YearMonth(year: 2026, month: 10)
        #expect(shifted.fireTime(of: .creditReport, in: oct).date == Self.date(2026, 10, 9))   // holiday → Fri 9th
        #expect(shifted.fireTime(of: .visitReport, in: oct).date == Self.date(2026, 10, 10))   // Sat, but 调休 workday
        #expect(shifted.fireTime(of: .hqQuarterly, in: oct).date == Self.date(2026, 10, 15))   // Thursday
        #expect(shifted.fireTime(of: .salesReport, in: YearMonth(year: 2026, month: 6)).date == Self.date(2026, 6, 8)) // Sat → Mon
        #expect(calendar.fireTime(of: .salesReport, in: YearMonth(year: 2026, month: 6)).date == Self.date(2026, 6, 6)) // no shift
    }
}
