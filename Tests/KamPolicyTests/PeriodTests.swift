import Testing
@testable import KamPolicy

@Suite struct PeriodTests {
    @Test func parsesAndPrintsEachSpelling() {
        #expect(Period(parsing: "2026-09") == .month(YearMonth(year: 2026, month: 9)))
        #expect(Period(parsing: "2026Q3") == .quarter(year: 2026, quarter: 3))
        #expect(Period(parsing: "2026q3") == .quarter(year: 2026, quarter: 3))
        #expect(Period(parsing: "2026") == .year(2026))
        for bad in ["2026-13", "2026Q5", "2026-9", "26Q1", "", "2026-09-01"] {
            #expect(Period(parsing: bad) == nil, "\(bad)")
        }
        #expect(Period.quarter(year: 2026, quarter: 3).description == "2026Q3")
        #expect(Period.month(YearMonth(year: 2026, month: 1)).description == "2026-01")
    }

    /// `Int("+202")` is 202: a sign, a short or a long year, or a one-digit month must not
    /// slip through a width check (issue 21; SPEC §8 "exactly `YYYY-MM` or `YYYYQn`").
    @Test(arguments: ["+202Q1", "-202Q1", "2026-+9", "2026--9", "+202-01", "2026-9", "02026-09", "2026Q5", "2026Q0",
                      "2026-13", "2026-00", " 2026-09", "2026-09 ", "２０２６-09", "2026Ｑ3", "+202", "-202", "0202Q+",
                      "202Q1", "2026Q+1", "2026-0x", "2026\u{0}-09"])
    func signsShortYearsAndStrayCharactersAreNotPeriods(text: String) {
        #expect(Period(parsing: text) == nil, "\(text)")
        #expect(YearMonth(parsing: text) == nil, "\(text)")
    }

    @Test func calendarDatesAndTimesTakeDigitsOnly() {
        #expect(LocalDate(iso: "2026-01-05") == LocalDate(year: 2026, month: 1, day: 5))
        for bad in ["+202-01-05", "-202-01-05", "2026-+1-05", "2026-01-+5", "02026-01-05", "2026-1-05", "2026-01-05 "] {
            #expect(LocalDate(iso: bad) == nil, "\(bad)")
            #expect(LocalDateTime(parsing: bad + "T07:00") == nil, "\(bad)")
        }
        #expect(TimeOfDay(parsing: "07:00") == TimeOfDay(hour: 7, minute: 0))
        for bad in ["+7:00", "-7:00", "07:+0", "7:00", "07:0", " 7:00", "０7:00"] {
            #expect(TimeOfDay(parsing: bad) == nil, "\(bad)")
        }
        #expect(LocalDateTime(parsing: "2026-10-03T+7:00") == nil)
        #expect(Period(parsing: "2026") == .year(2026))
        #expect(Period(parsing: "0999-01") == .month(YearMonth(year: 999, month: 1)))
    }

    @Test func previousAndLastYearCrossYearBoundaries() {
        #expect(Period.month(YearMonth(year: 2026, month: 1)).previous == .month(YearMonth(year: 2025, month: 12)))
        #expect(Period.quarter(year: 2026, quarter: 1).previous == .quarter(year: 2025, quarter: 4))
        #expect(Period.quarter(year: 2026, quarter: 4).shifted(by: 1) == .quarter(year: 2027, quarter: 1))
        #expect(Period.quarter(year: 2026, quarter: 2).sameLastYear == .quarter(year: 2025, quarter: 2))
    }

    @Test func windowsEndWithTheLastMonth() {
        let q = Period.quarter(year: 2026, quarter: 1)
        #expect(q.months.map(\.description) == ["2026-01", "2026-02", "2026-03"])
        #expect(q.trailingTwelveMonths.first?.description == "2025-04")
        #expect(q.trailingTwelveMonths.count == 12)
        #expect(q.trailingTwentyFourMonths.first?.description == "2024-04")
    }

    @Test func localDatesRoundTripAndKnowTheirWeekday() {
        let d = LocalDate(year: 2026, month: 11, day: 22)
        #expect(d?.weekday == 7)  // a Sunday
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        for days in stride(from: -1000, to: 30000, by: 37) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
        }
        #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
    }
}
