import Testing
@testable import KamPolicy

/// 批复状态 (SPEC §4.6): due by the end of proposal day + approval_days; the first accepted file's
/// received time decides; none yet is 未批复.
@Suite struct ApprovalTimelinessTests {
    /// Asia/Shanghai has no daylight saving: a fixed UTC+8 stands in for the configured zone.
    static func beijing(_ unix: Int64) -> LocalDateTime {
        let local = unix + 8 * 3_600
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let seconds = Int(local - Int64(days) * 86_400)
        return LocalDateTime(date: LocalDate(daysSinceEpoch: days),
                             time: TimeOfDay(hour: seconds / 3_600, minute: seconds % 3_600 / 60) ?? .midnight)
    }
    /// The instant of `y-m-d h:mi:s` Beijing time.
    static func instant(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Int64 {
        let day = (LocalDate(year: y, month: m, day: d) ?? LocalDate(daysSinceEpoch: 0)).daysSinceEpoch
        return Int64(day) * 86_400 + Int64(h * 3_600 + mi * 60 + s) - 8 * 3_600
    }
    static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d) ?? LocalDate(daysSinceEpoch: 0) }
    static let q4 = Period.quarter(year: 2026, quarter: 4)

    static let cases: [(String, LocalDate, Int, Int64?, ApprovalTimeliness.Status, LocalDate)] = [
        ("received the day after the proposal", date(2026, 9, 21), 3, instant(2026, 9, 22, 10), .onTime, date(2026, 9, 24)),
        ("received on the proposal day itself", date(2026, 9, 21), 3, instant(2026, 9, 21, 15), .onTime, date(2026, 9, 24)),
        ("the deadline day's last second is on time", date(2026, 9, 21), 3, instant(2026, 9, 24, 23, 59, 59), .onTime, date(2026, 9, 24)),
        ("one second later is late", date(2026, 9, 21), 3, instant(2026, 9, 25, 0, 0, 0), .late, date(2026, 9, 24)),
        ("six days after the deadline is late (the issue's case)", date(2026, 9, 21), 3, instant(2026, 9, 30, 9), .late, date(2026, 9, 24)),
        ("none arrived: 未批复", date(2026, 9, 21), 3, nil, .notApproved, date(2026, 9, 24)),
        ("the deadline crosses a month end", date(2026, 6, 30), 3, instant(2026, 7, 3, 18), .onTime, date(2026, 7, 3)),
        ("the deadline crosses a year end", date(2026, 12, 30), 3, instant(2027, 1, 3, 12), .late, date(2027, 1, 2)),
        ("approval_days 0: due by the end of the proposal day", date(2026, 9, 21), 0, instant(2026, 9, 22, 0, 0, 1), .late, date(2026, 9, 21)),
        ("received before the proposal (approved in advance) is on time", date(2026, 9, 21), 3, instant(2026, 9, 1), .onTime, date(2026, 9, 24)),
    ]

    @Test(arguments: cases)
    func status(_ what: String, _ proposal: LocalDate, _ days: Int, _ received: Int64?, _ expected: ApprovalTimeliness.Status,
                _ deadline: LocalDate) {
        let t = ApprovalTimeliness(quarter: Self.q4, proposalDate: proposal, approvalDays: days, firstReceived: received,
                                   localTime: Self.beijing)
        #expect(t.status == expected, "\(what)")
        #expect(t.deadline == deadline, "\(what)")
        #expect(t.received == received.map(Self.beijing), "\(what)")
        #expect(t.isOverdueOrMissing == (expected != .onTime), "\(what)")
    }

    @Test func labelsAreThePolicysWords() {
        #expect(ApprovalTimeliness.Status.allCases.map(\.rawValue) == ["按时批复", "逾期批复", "未批复"])
    }
}
