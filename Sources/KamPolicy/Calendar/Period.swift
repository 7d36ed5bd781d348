/// The span a report or a drop file covers. Monthly lines report months, quarterly lines
/// quarters; the key-account review reports a year.
public enum Period: Hashable, Sendable, CustomStringConvertible {
    case month(YearMonth)
    case quarter(year: Int, quarter: Int)
    case year(Int)

    public static func quarter(containing m: YearMonth) -> Period {
        .quarter(year: m.year, quarter: m.quarter)
    }

    public var firstMonth: YearMonth {
        switch self {
        case .month(let m): m
        case .quarter(let y, let q): YearMonth(year: y, month: (q - 1) * 3 + 1)
        case .year(let y): YearMonth(year: y, month: 1)
        }
    }

    public var lastMonth: YearMonth {
        switch self {
        case .month(let m): m
        case .quarter(let y, let q): YearMonth(year: y, month: q * 3)
        case .year(let y): YearMonth(year: y, month: 12)
        }
    }

    public var months: [YearMonth] { YearMonth.range(firstMonth, through: lastMonth) }

    public func contains(_ m: YearMonth) -> Bool { firstMonth <= m && m <= lastMonth }

    /// `prev(P)`: the month, quarter or year before.
    public var previous: Period { shifted(by: -1) }

    /// `ly(P)`: the same period one year earlier.
    public var sameLastYear: Period {
        switch self {
        case .month(let m): .month(m.adding(months: -12))
        case .quarter(let y, let q): .quarter(year: y - 1, quarter: q)
        case .year(let y): .year(y - 1)
        }
    }

    /// The period `n` steps later (earlier when negative), in this period's own unit.
    public func shifted(by n: Int) -> Period {
        switch self {
        case .month(let m): return .month(m.adding(months: n))
        case .quarter(let y, let q):
            let index = y * 4 + (q - 1) + n
            let year = index >= 0 ? index / 4 : (index - 3) / 4
            return .quarter(year: year, quarter: index - year * 4 + 1)
        case .year(let y): return .year(y + n)
        }
    }

    /// `2026-09`, `2026Q3` or `2026`: the spelling of report folders and drop file names.
    public var description: String {
        switch self {
        case .month(let m): m.description
        case .quarter(let y, let q): "\(y)Q\(q)"
        case .year(let y): "\(y)"
        }
    }

    /// Parses `YYYY-MM`, `YYYYQn` (`q` too) or `YYYY`, each with exactly four ASCII digits
    /// of year and nothing else: `+202Q1`, `02026Q1` and `2026Q5` are not periods.
    public init?(parsing text: String) {
        if let m = YearMonth(parsing: text) {
            self = .month(m)
            return
        }
        let utf8 = Array(text.utf8)
        if utf8.count == 6, utf8[4] == UInt8(ascii: "Q") || utf8[4] == UInt8(ascii: "q"),
           let y = FixedDigits.value(bytes: utf8[0..<4], width: 4),
           let q = FixedDigits.value(bytes: utf8[5...], width: 1), (1...4).contains(q) {
            self = .quarter(year: y, quarter: q)
            return
        }
        if let y = FixedDigits.value(text, width: 4) {
            self = .year(y)
            return
        }
        return nil
    }

    public var isMonth: Bool { if case .month = self { true } else { false } }
    public var isQuarter: Bool { if case .quarter = self { true } else { false } }

    /// The twelve months ending with this period's last month: the `ttm` window.
    public var trailingTwelveMonths: [YearMonth] {
        YearMonth.range(lastMonth.adding(months: -11), through: lastMonth)
    }

    /// The 24 months ending with this period's last month: the sales report's row window.
    public var trailingTwentyFourMonths: [YearMonth] {
        YearMonth.range(lastMonth.adding(months: -23), through: lastMonth)
    }
}
