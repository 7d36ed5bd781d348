import KamPolicy

/// Reads the dates ERPs write (SPEC §8 "Dates"): `2026-09-30`, `2026/9/30`, `2026.09.30`,
/// `20260930`, each optionally followed by a time that is ignored.
public enum DateGrammar {
    public static func parse(_ text: String) -> LocalDate? {
        var s = Substring(text).trimmingSpaces
        if let space = s.firstIndex(of: " ") {
            guard isTime(s[s.index(after: space)...].trimmingSpaces) else { return nil }
            s = s[..<space]
        }
        let bytes = Array(s.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        if bytes.count == 8, bytes.allSatisfy(isDigit) {
            let v = Int(String(s)) ?? 0
            return LocalDate(year: v / 10_000, month: (v / 100) % 100, day: v % 100)
        }
        for separator in ["-", "/", "."] {
            let parts = s.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            guard parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
                  parts.allSatisfy({ $0.utf8.allSatisfy(isDigit) }),
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            return LocalDate(year: y, month: m, day: d)
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
