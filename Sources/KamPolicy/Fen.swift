/// Money is counted in integer fen (分, hundredths of a yuan) so that sums are exact;
/// only the layers that show money (workbooks, receipts) turn fen into yuan, through `YuanText`.
public typealias Fen = Int64

extension Fen {
    /// Fen per yuan.
    public static let perYuan: Fen = 100
}

/// Fen written as yuan text: `1,234.50` (grouped, as the workbooks show money) or `1234.50`
/// (plain, for CSV receipts, which Excel must read as a number). Exact integer arithmetic, no
/// floating point, so every fen value — `Int64.min` included — has one spelling.
///
/// Why this lives in the policy layer: the rules never format for display (they compute in
/// fen and hand numbers to the workbooks, which show them under `#,##0.00`), and nothing in
/// KamPolicy's rules calls this. But the workbooks' column widths, the receipts, the demo's
/// drop files and the report text all spelled fen as yuan, each with its own copy (issue 21);
/// one function beside the type it converts is the place every layer that shows fen already
/// imports, so the four agree by construction.
public enum YuanText {
    /// `123450` → `1,234.50` (grouped) or `1234.50`; `-5` → `-0.05`.
    public static func of(_ fen: Fen, grouped: Bool) -> String {
        let magnitude = fen.magnitude
        var reversed: [UInt8] = []
        reversed.reserveCapacity(32)
        let cents = magnitude % 100
        reversed.append(UInt8(ascii: "0") + UInt8(cents % 10))
        reversed.append(UInt8(ascii: "0") + UInt8(cents / 10))
        reversed.append(UInt8(ascii: "."))
        appendDigitsReversed(magnitude / 100, grouped: grouped, to: &reversed)
        if fen < 0 { reversed.append(UInt8(ascii: "-")) }
        return String(decoding: reversed.reversed(), as: UTF8.self)
    }

    /// `1234567` → `1,234,567`: the thousands grouping of `#,##0` (the workbooks' column
    /// widths use it for any number shown under a grouped format).
    public static func grouped(_ value: UInt64) -> String {
        var reversed: [UInt8] = []
        appendDigitsReversed(value, grouped: true, to: &reversed)
        return String(decoding: reversed.reversed(), as: UTF8.self)
    }

    /// The decimal digits of `value`, last first, with a comma after every third when grouped.
    private static func appendDigitsReversed(_ value: UInt64, grouped: Bool, to out: inout [UInt8]) {
        var rest = value
        var count = 0
        repeat {
            if grouped, count > 0, count % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
            count += 1
        } while rest > 0
    }
}
