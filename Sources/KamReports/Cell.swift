import KamPolicy

/// A table cell as the reports mean it; the sheet writer turns each kind into the right
/// Excel type and number format (money `#,##0.00`, ratios `0.0%`, text always as text).
public enum Cell: Sendable, Equatable {
    case text(String)
    /// An identifier that only looks like a number (客户编码 `00123`, 统一社会信用代码, a phone
    /// number): text in the text format `@`, so retyping it in Excel keeps it text, and its
    /// sheet ignores "number stored as text" so no warning triangle shows (SPEC §8 Workbooks).
    case id(String)
    /// Exact fen, written as yuan with two decimals.
    case money(Fen)
    /// A fraction (0.123 shows as 12.3%); nil is a blank cell.
    case ratio(Double?)
    case integer(Int)
    /// An exact decimal in hundredths (a cover-months or terms factor: 120 shows as 1.20).
    case hundredths(Int64)
    /// A calendar date (a visit's date): an Excel date `yyyy-mm-dd`, so date filters work.
    case date(LocalDate)
    /// A moment in the configured time zone (a received time, a deadline): `yyyy-mm-dd hh:mm`.
    case dateTime(LocalDateTime)
    case blank

    static func optionalMoney(_ v: Fen?) -> Cell { v.map(Cell.money) ?? .blank }
    static func optionalInteger(_ v: Int?) -> Cell { v.map(Cell.integer) ?? .blank }
    static func optionalText(_ v: String?) -> Cell { v.map(Cell.text) ?? .blank }
    static func optionalDateTime(_ v: LocalDateTime?) -> Cell { v.map(Cell.dateTime) ?? .blank }

    /// Excel's serial day number: days since 1899-12-30 (so 1970-01-01 is 25569), the time of
    /// day as the fraction. The zone is the config's: Excel dates carry none.
    static func excelSerial(_ date: LocalDate) -> Double { Double(date.daysSinceEpoch + 25_569) }
    static func excelSerial(_ t: LocalDateTime) -> Double { excelSerial(t.date) + Double(t.time.minutesSinceMidnight) / 1_440 }

    /// What libxlsxwriter is given for the cell: Excel has only text, numbers and blanks.
    enum Written {
        case text(String)
        case number(Double)
        case blank
    }

    /// The cell as Excel stores it: money and hundredths as decimals, dates as serial days.
    var written: Written {
        switch self {
        case .text(let s), .id(let s): .text(s)
        case .date(let d): .number(Cell.excelSerial(d))
        case .dateTime(let t): .number(Cell.excelSerial(t))
        case .money(let f): .number(Double(f) / 100)
        case .ratio(let r): r.map(Written.number) ?? .blank
        case .integer(let i): .number(Double(i))
        case .hundredths(let h): .number(Double(h) / 100)
        case .blank: .blank
        }
    }

    /// Which of the house styles the cell is shown in (a blank as text, a missing ratio as a ratio).
    var style: TableStyle {
        switch self {
        case .text, .blank: .text
        case .id: .id
        case .date: .date
        case .dateTime: .dateTime
        case .money: .money
        case .ratio: .ratio
        case .integer: .integer
        case .hundredths: .decimal
        }
    }

    /// `ColumnWidth.units(displayText)`, counted without making the text for money and integers
    /// (every money cell of a table's first 2,000 rows is measured; building `1,234,567.89` only to
    /// count it was most of the widths' cost in the scale workspace's workbook phase).
    var displayUnits: Int {
        switch self {
        case .money(let f):
            // `YuanText.of(f, grouped: true)`: a sign, the yuan digits grouped by three, `.` and two.
            let digits = Self.decimalDigits(f.magnitude / 100)
            return (f < 0 ? 1 : 0) + digits + (digits - 1) / 3 + 3
        case .integer(let i):
            return (i < 0 ? 1 : 0) + Self.decimalDigits(i.magnitude)
        default:
            return ColumnWidth.units(displayText)
        }
    }

    /// How many decimal digits `value` has (1 for 0).
    private static func decimalDigits(_ value: some UnsignedInteger) -> Int {
        var rest = UInt64(value)
        var digits = 1
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }

    /// The text a reader sees under the cell's number format, for estimating column widths.
    var displayText: String {
        switch self {
        case .text(let s), .id(let s): s
        case .money(let f): YuanText.of(f, grouped: true)
        case .ratio(let r): r.map { DisplayedNumber.text($0, format: DisplayedNumber.ratio) } ?? ""
        case .integer(let i): String(i)
        case .hundredths(let h): DisplayedNumber.text(Double(h) / 100, format: DisplayedNumber.decimal)
        case .date(let d): d.description
        case .dateTime(let t): t.description.replacingT()
        case .blank: ""
        }
    }
}
