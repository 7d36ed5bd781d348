import KamPolicy

/// Reads the dates ERPs write (SPEC §8 "Dates"): `2026-09-30`, `2026/9/30`, `2026.09.30`,
/// `20260930`, each optionally followed by a time that is ignored.
public enum DateGrammar {
    public static func parse(_ text: String) -> LocalDate? {
        guard let (y, m, d) = shape(text) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// Why `text` is not a date, in the clerk's words: a well-shaped date that is not in the
    /// calendar (`2026-11-31`, `2026-13-01`) says so, instead of blaming the format.
    public static func reason(for text: String) -> String {
        if let (y, m, d) = shape(text) {
            if !(1...12).contains(m) { return "日期不存在: 月份 \(m) 无效(\(y) 年只有 1–12 月)" }
            return "日期不存在: \(y) 年 \(m) 月没有 \(d) 日"
        }
        return formatReason
    }

    /// What every date error says when the text is not a date at all.
    public static let formatReason = "日期格式无效(应为 2026-09-30、2026/9/30、2026.09.30 或 20260930)"

    /// Year, month and day as written, when `text` has one of the accepted shapes, whether or
    /// not they make a calendar date.
    static func shape(_ text: String) -> (Int, Int, Int)? {
        var s = Substring(text).trimmingSpaces
        if let space = s.firstIndex(of: " ") {
            guard isTime(s[s.index(after: space)...].trimmingSpaces) else { return nil }
            s = s[..<space]
        }
        let bytes = Array(s.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        if bytes.count == 8, bytes.allSatisfy(isDigit) {
            let v = Int(String(s)) ?? 0
            return (v / 10_000, (v / 100) % 100, v % 100)
        }
        for separator in ["-", "/", "."] {
            let parts = s.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            guard parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
                  parts.allSatisfy({ $0.utf8.allSatisfy(isDigit) }),
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            return (y, m, d)
        }
        return nil
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// `H:MM`, `HH:MM` or `HH:MM:SS`.
    private static func isTime(_ s: Substring) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count) else { return false }
        return parts.dropFirst().allSatisfy { $0.count == 2 } && parts.allSatisfy { $0.utf8.allSatisfy(isDigit) }
    }
}
