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
    ///
    /// Checked on the UTF-8 bytes: every character of the set is one ASCII byte, so a valid code is
    /// exactly 18 bytes of the set, and any other byte (a multi-byte character, a combining mark)
    /// makes it invalid as a character-by-character check would. Done for every customer file
    /// of the group by 跨公司客户 and 信用代码校验错误: the `[Character]` version was half of
    /// hq-quarterly's shared-customer search (BENCHMARKS.md, 2026-12-04 night).
    public static func isValid(_ code: String) -> Bool {
        var code = code
        return code.withUTF8 { bytes in
            guard bytes.count == 18 else { return false }
            var sum = 0
            for i in 0..<17 {
                let v = value[Int(bytes[i])]
                guard v >= 0 else { return false }
                sum += Int(v) * weights[i]
            }
            let check = value[Int(bytes[17])]
            return check >= 0 && Int(check) == (31 - sum % 31) % 31
        }
    }

    /// Each byte's value in the character set, -1 for a byte outside it.
    private static let value: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in characters.enumerated() { if let a = c.asciiValue { table[Int(a)] = Int8(i) } }
        return table
    }()
}
