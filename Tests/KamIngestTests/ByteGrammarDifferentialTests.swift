import SeededRandom
import Testing
@testable import KamIngest
@testable import KamPolicy

/// The streaming reader's byte forms of the field rules must read every input exactly as the
/// `String` grammars do: compared here on many random strings built from the characters that
/// matter (digits, signs, separators, currency signs, full-width parentheses and spaces).
@Suite struct ByteGrammarDifferentialTests {
    static let alphabet: [String] = ["0", "1", "2", "5", "9", "0", "3", "-", "+", ",", ".", "/", ":", " ", "\t", "(", ")",
                                     "（", "）", "¥", "￥", "\u{3000}", "\u{00A0}", "E", "e", "x", "中", "\u{301}", "2026", "09", "30",
                                     "12:00", "00:00:00", "1,234", "\r\n"]

    static func randomText(_ rng: inout SplitMix64) -> String {
        let length = Int(rng.next() % 9)
        return (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
    }

    static func bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(s.utf8).withUnsafeBufferPointer(body)
    }

    @Test func byteRulesAgreeWithStringRules() {
        var rng = SplitMix64(seed: 20_261_122)
        for _ in 0..<60_000 {
            let s = Self.randomText(&rng)
            #expect(Self.bytes(s) { ByteText.amount($0) } == AmountGrammar.parse(s), "amount \(s.debugDescription)")
            let stringDate = DateGrammar.parse(s)
            if let byteDate = Self.bytes(s, { ByteText.date($0) }) {
                #expect(byteDate?.date == stringDate, "date \(s.debugDescription)")
            }
            if let fast = Self.bytes(s, { ByteText.fastDate(ByteText.trimmed($0)) }) {
                #expect(fast.date == stringDate, "fast date \(s.debugDescription)")
            }
            if let fast = Self.bytes(s, { ByteText.fastAmount(ByteText.trimmed($0)) }) {
                #expect(.success(fast) == AmountGrammar.parse(s), "fast amount \(s.debugDescription)")
            }
            let trimmed = Self.bytes(s) { String(decoding: ByteText.trimmed($0), as: UTF8.self) }
            #expect(trimmed.isEmpty == s.trimmingSpaces.isEmpty, "trim \(s.debugDescription)")
            if Self.bytes(s, { ByteText.isPlainID(ByteText.trimmed($0)) }) {
                #expect(CustomerIDRule.validate(s) == .success(trimmed), "id \(s.debugDescription)")
            }
            let t = Self.bytes(s) { Array(ByteText.trimmed($0)) }
            if t.allSatisfy({ $0 < 0x80 }), !t.isEmpty {
                let byteQuantity = t.withUnsafeBufferPointer { ByteText.isQuantity($0) }
                #expect(byteQuantity == !AmountGrammar.parseQuantity(s).isFailure, "quantity \(s.debugDescription)")
            }
        }
    }
}
