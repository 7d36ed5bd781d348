import Testing
@testable import KamPolicy

/// A quarter's sales input of a monthly-file subsidiary (SPEC §8 "Visits and submissions"): 按时
/// only when every month arrived before the job fired; its received time is the latest month's.
@Suite struct SalesInputCompletionTests {
    static let q3 = Period.quarter(year: 2026, quarter: 3)
    static func at(_ m: Int, _ d: Int, _ h: Int = 10) -> LocalDateTime {
        LocalDateTime(date: LocalDate(year: 2026, month: m, day: d) ?? LocalDate(daysSinceEpoch: 0),
                      time: TimeOfDay(hour: h, minute: 0) ?? .midnight)
    }
    /// sales-report for 2026Q3 fires on 2026-10-06 07:00.
    static let fire = at(10, 6, 7)

    static let cases: [(String, [Int: LocalDateTime], String, LocalDateTime?)] = [
        ("every month before the fire time: 按时 with the latest month's time",
         [7: at(8, 3), 8: at(9, 3), 9: at(10, 3)], "按时", at(10, 3)),
        ("the months arrived out of order: still the latest", [7: at(10, 2), 8: at(9, 3), 9: at(10, 1)], "按时", at(10, 2)),
        ("September after the fire time: the quarter is late, received when September came",
         [7: at(8, 3), 8: at(9, 3), 9: at(10, 7)], "逾期", at(10, 7)),
        ("a month exactly at the fire time is late (on time means before)", [7: at(8, 3), 8: at(9, 3), 9: fire], "逾期", fire),
        ("a month never received: the quarter is missing", [7: at(8, 3), 9: at(10, 3)], "未报送", nil),
        ("nothing received", [:], "未报送", nil),
    ]

    @Test(arguments: cases)
    func quarterOfMonthFiles(_ what: String, _ firstSeen: [Int: LocalDateTime], _ label: String, _ received: LocalDateTime?) {
        let complete = SalesInputCompletion.completedAt(months: Self.q3.months) { firstSeen[$0.month] }
        let status = SubmissionStatus.of(firstReceived: complete, fireTime: Self.fire)
        #expect(status.label == label, "\(what)")
        #expect(status.received == received, "\(what)")
    }

    @Test func aMonthPeriodIsItsOwnMonth() {
        let m = Period.month(YearMonth(year: 2026, month: 9))
        #expect(SalesInputCompletion.completedAt(months: m.months) { _ in Self.at(10, 3) } == Self.at(10, 3))
    }
}
