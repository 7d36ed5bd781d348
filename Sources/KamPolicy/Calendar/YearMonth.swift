/// A calendar month: the unit every stored sales figure is aggregated to, because both
/// cadences (monthly and quarterly) are unions of months.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
    }

    /// Months since year 0, so that month arithmetic is integer arithmetic.
    public var index: Int { year * 12 + (month - 1) }

    public init(index: Int) {
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        self.init(year: y, month: index - y * 12 + 1)
    }

    public func adding(months: Int) -> YearMonth { YearMonth(index: index + months) }

    public var quarter: Int { (month - 1) / 3 + 1 }

    /// `2026-09`.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// Parses `YYYY-MM` (the config's `since` and a drop file's month period): exactly four
    /// and two ASCII digits, so `+202-01`, `2026-+9` and `02026-09` are not months.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let y = FixedDigits.value(parts[0], width: 4),
              let m = FixedDigits.value(parts[1], width: 2), (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.index < b.index }

    /// The months from `first` through `last`, inclusive; empty when `last` precedes `first`.
    public static func range(_ first: YearMonth, through last: YearMonth) -> [YearMonth] {
        guard first <= last else { return [] }
        return (first.index...last.index).map(YearMonth.init(index:))
    }
}
