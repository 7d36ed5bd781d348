import Foundation
import KamPolicy

/// Converts between the policy's wall-clock times in the configured zone and instants.
/// Only this type knows about time zones; `now` is injected (`--as-of`), never read here.
public struct ZonedClock: Sendable {
    public let timeZone: TimeZone
    /// The current instant as the run sees it (Unix seconds).
    public let now: Int64

    public init(timeZone: TimeZone, now: Int64) {
        self.timeZone = timeZone
        self.now = now
    }

    /// A clock whose `now` is the wall-clock time `local` in `timeZone`.
    public init(timeZone: TimeZone, asOf local: LocalDateTime) throws(UnrepresentableTime) {
        self.init(timeZone: timeZone, now: try ZonedClock(timeZone: timeZone, now: 0).instant(of: local))
    }

    private var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// The instant (Unix seconds) of `local` in this zone. Throws rather than make one up: it
    /// returned 0 (1970-01-01) when Foundation's calendar gave no date, and trapped on a date
    /// beyond Int64 seconds; a fire time or `--as-of` must never silently become another time.
    public func instant(of local: LocalDateTime) throws(UnrepresentableTime) -> Int64 {
        let parts = DateComponents(year: local.date.year, month: local.date.month, day: local.date.day,
                                   hour: local.time.hour, minute: local.time.minute)
        guard let date = calendar.date(from: parts),
              let unix = Int64(exactly: date.timeIntervalSince1970.rounded(.towardZero)) else {
            throw UnrepresentableTime(local: local, timeZone: timeZone.identifier)
        }
        return unix
    }

    public func local(of unix: Int64) -> LocalDateTime {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(unix)))
        let date = LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)
        let time = TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0) ?? .midnight
        return LocalDateTime(date: date, time: time)
    }

    public var localNow: LocalDateTime { local(of: now) }

    /// `2026-10-03 10:00`, as readers see a received time.
    public func display(_ unix: Int64) -> String {
        local(of: unix).description.replacingOccurrences(of: "T", with: " ")
    }
}

/// A wall-clock time that has no instant in the zone: Foundation's calendar gave no date for
/// it, or the date lies beyond what Int64 seconds hold. Says which time and which zone.
public struct UnrepresentableTime: Error, Sendable, Equatable, CustomStringConvertible {
    public let local: LocalDateTime
    public let timeZone: String

    public var description: String { "\(local) in time zone \(timeZone) has no instant kam can represent" }
}
