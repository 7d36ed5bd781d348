import KamPolicy

/// A number as Excel shows it under one of the reports' number formats, for sizing columns:
/// `#,##0.00` of 1234567.5 is `1,234,567.50`, `0.0%` of 0.123 is `12.3%`. Exact enough for
/// widths (half away from zero, as Excel rounds for display); not used for any stored value.
enum DisplayedNumber {
    /// Beyond this magnitude Excel switches to scientific notation or `####`; count it as the
    /// widest plain rendering so the column is still capped sensibly.
    static let largest = 1e15

    /// What `text` reads from a number format: whether it is a percentage, grouped by thousands,
    /// and how many decimals it shows. Read once per format: reading it for every sampled cell
    /// (a `split` and a `filter` over `Character`s) was half of the widths' cost for ratios.
    struct Format {
        let percent: Bool
        let grouped: Bool
        let decimals: Int

        init(_ format: String) {
            percent = format.hasSuffix("%")
            grouped = format.contains(",")
            decimals = format.split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.filter { $0 == "0" }.count } ?? 0
        }
    }

    static let ratio = Format(ReportStyles.ratioFormat)
    static let decimal = Format(ReportStyles.decimalFormat)

    /// `value` under `format` (`#,##0.00`, `0.0%`, `0`, `0.00`, or nil for General).
    static func text(_ value: Double, format: String?) -> String {
        guard let format else { return value.isFinite ? general(value) : "#NUM!" }
        return text(value, format: Format(format))
    }

    /// `value` under a number format already read.
    static func text(_ value: Double, format: Format) -> String {
        guard value.isFinite else { return "#NUM!" }
        let (percent, grouped, decimals) = (format.percent, format.grouped, format.decimals)
        let shown = percent ? value * 100 : value
        guard abs(shown) < largest else { return String(repeating: "#", count: 16) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(shown) * scale).rounded(.toNearestOrAwayFromZero)
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let integer = grouped ? YuanText.grouped(units / divisor) : String(units / divisor)
        var text = (shown < 0 && units != 0 ? "-" : "") + integer
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return percent ? text + "%" : text
    }

    /// General: an integer without decimals, otherwise up to ten significant digits.
    static func general(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < largest { return String(Int64(value)) }
        let text = String(value)
        return text.count > 11 ? String(text.prefix(11)) : text
    }
}
