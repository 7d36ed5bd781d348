/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set whose last one is a
/// check character over the first 17. A wrong check character means the code was mistyped.
public enum UnifiedSocialCreditCode {
    /// The standard's character set; the value of a character is its index (I, O, S, V, Z are excluded).
    public static let characters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// The weights of positions 1–17: 3^(i−1) mod 31.
    public static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for the first 17 characters, or nil when one is outside the set:
    /// 31 − (Σ value × weight mod 31), where 31 becomes 0.
    public static func checkCharacter(of first17: [Character]) -> Character? {
        guard first17.count == 17 else { return nil }
        var sum = 0
        for (c, w) in zip(first17, weights) {
            guard let v = characters.firstIndex(of: c) else { return nil }
            sum += v * w
        }
        let check = (31 - sum % 31) % 31
        return characters[check]
    }

    /// Whether a code passes: exactly 18 characters of the set (upper case, as the standard
    /// writes them) and the right check character. Blank codes are "missing", not invalid:
    /// callers test for blank first.
    public static func isValid(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 18, let check = checkCharacter(of: Array(chars.prefix(17))) else { return false }
        return chars[17] == check
    }
}
