/// A wall-clock time in the configured zone: a job's fire time, or `--as-of`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let time: TimeOfDay

    public init(date: LocalDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DDTHH:MM` (the `--as-of` option) or a bare `YYYY-MM-DD` (midnight).
    public init?(parsing text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count <= 2, let date = LocalDate(iso: String(parts[0])) else { return nil }
        if parts.count == 2 {
            guard let time = TimeOfDay(parsing: String(parts[1])) else { return nil }
            self.init(date: date, time: time)
        } else {
            self.init(date: date, time: .midnight)
        }
    }

    public var description: String { "\(date)T\(time)" }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }
}

/// `run_at`: the hour and minute jobs fire at.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM`: two digits each, so `+7:00` is not 07:00.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = FixedDigits.value(parts[0], width: 2),
              let m = FixedDigits.value(parts[1], width: 2) else { return nil }
        self.init(hour: h, minute: m)
    }

    private init(unchecked hour: Int, _ minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    public static let midnight = TimeOfDay(unchecked: 0, 0)
    public static let defaultRunAt = TimeOfDay(unchecked: 7, 0)

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(hour)):\(two(minute))"
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
}
