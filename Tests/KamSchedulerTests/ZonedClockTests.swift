import Foundation
import KamPolicy
import Testing
@testable import KamScheduler

/// `ZonedClock.instant(of:)` throws a typed error for a wall-clock time with no instant
/// (issue 21): it returned 0 — 1970 — without a word, or trapped past Int64 seconds.
@Suite struct ZonedClockTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test func ordinaryTimesConvertBothWays() throws {
        let clock = ZonedClock(timeZone: Self.shanghai, now: 0)
        let local = try #require(LocalDateTime(parsing: "2026-10-06T07:00"))
        let unix = try clock.instant(of: local)
        #expect(unix == 1_791_241_200)
        #expect(clock.local(of: unix) == local)
        #expect(try ZonedClock(timeZone: Self.shanghai, asOf: local).now == unix)
    }

    @Test func aTimeBeyondInt64SecondsThrowsNamingTimeAndZone() throws {
        let clock = ZonedClock(timeZone: Self.shanghai, now: 0)
        let far = LocalDateTime(date: try #require(LocalDate(year: 1_000_000_000_000, month: 1, day: 1)), time: .midnight)
        #expect(throws: UnrepresentableTime(local: far, timeZone: "Asia/Shanghai")) { try clock.instant(of: far) }
        #expect(throws: UnrepresentableTime.self) { try ZonedClock(timeZone: Self.shanghai, asOf: far) }
        let error = UnrepresentableTime(local: far, timeZone: "Asia/Shanghai")
        #expect(error.description.contains("1000000000000-01-01T00:00") && error.description.contains("Asia/Shanghai"))
    }
}
