/// A fixed-width decimal field of a calendar spelling (`2026` in `2026-09`, `07` in `07:00`).
/// `Int(_:)` takes a sign, so `Int("+202")` is 202 and a width check on the text alone
/// lets `+202-01` pass as the year 202: every calendar parser reads its numbers through this
/// instead, which takes exactly `width` ASCII digits and nothing else (SPEC §8: a file name's
/// period is exactly `YYYY-MM` or `YYYYQn`; config and CLI dates follow the same rule).
enum FixedDigits {
    static func value<S: StringProtocol>(_ text: S, width: Int) -> Int? { value(bytes: text.utf8, width: width) }

    /// The same on UTF-8 bytes.
    static func value<C: Collection<UInt8>>(bytes: C, width: Int) -> Int? {
        var value = 0
        var count = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), count < width else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
            count += 1
        }
        return count == width ? value : nil
    }
}
