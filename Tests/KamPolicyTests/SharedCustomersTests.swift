import Testing
@testable import KamPolicy

/// 跨公司客户 (SPEC §4.6): a valid credit code in the files of two or more subsidiaries.
@Suite struct SharedCustomersTests {
    /// Valid codes (GB 32100 check character computed), and one mistyped.
    static let valid1 = "91350100M000100Y43"
    static let valid2 = code("9131000012345678")
    static let mistyped1 = "91350100M000100Y44"

    static func code(_ first16: String) -> String {
        let first17 = Array(first16 + "0")
        return String(first17) + String(UnifiedSocialCreditCode.checkCharacter(of: first17) ?? "?")
    }
    static func file(_ id: String, _ code: String, _ name: String = "") -> CustomerFileRecord {
        CustomerFileRecord(customerID: id, fields: ["credit_code": code, "customer_name": name.isEmpty ? "客户\(id)" : name])
    }

    /// What the store's identity read gives of these records (`CustomerFileIdentity(_:)`).
    static func find(_ files: [(String, [CustomerFileRecord])]) -> [SharedCustomers.Entry] {
        SharedCustomers.find(in: files.map { (subsidiary: $0.0, identities: $0.1.map(CustomerFileIdentity.init)) })
    }

    static let cases: [(String, [(String, [CustomerFileRecord])], [String])] = [
        ("a code at two subsidiaries: one row each", [("HG01", [file("C1", valid1)]), ("YY01", [file("K7", valid1)])],
         ["\(valid1) HG01 C1", "\(valid1) YY01 K7"]),
        ("valid at one subsidiary, mistyped at the other: not shared",
         [("HG01", [file("C1", valid1)]), ("YY01", [file("K7", mistyped1)])], []),
        ("one subsidiary alone is not shared, even under two ids", [("HG01", [file("C1", valid1), file("C2", valid1)])], []),
        ("two ids at one subsidiary: the first id in code-point order stands for it",
         [("HG02", [file("B9", valid1), file("B10", valid1)]), ("HG01", [file("C1", valid1)])],
         ["\(valid1) HG01 C1", "\(valid1) HG02 B10"]),
        ("blank codes join nobody", [("HG01", [file("C1", "")]), ("YY01", [file("K7", "")])], []),
        ("surrounding spaces are trimmed; lower case is invalid as written",
         [("HG01", [file("C1", " \(valid1) ")]), ("YY01", [file("K7", valid1)]), ("YY02", [file("Z1", valid1.lowercased())])],
         ["\(valid1) HG01 C1", "\(valid1) YY01 K7"]),
        ("three subsidiaries, two codes: by code then subsidiary",
         [("YY01", [file("K1", valid2), file("K2", valid1)]), ("HG01", [file("C1", valid1), file("C2", valid2)]),
          ("HG02", [file("B1", valid2)])],
         ["\(valid2) HG01 C2", "\(valid2) HG02 B1", "\(valid2) YY01 K1", "\(valid1) HG01 C1", "\(valid1) YY01 K2"].sorted()),
    ]

    @Test(arguments: cases)
    func find(_ what: String, _ files: [(String, [CustomerFileRecord])], _ expected: [String]) {
        let got = Self.find(files)
        #expect(got.map { "\($0.creditCode) \($0.subsidiaryCode) \($0.customerID)" } == expected, "\(what)")
    }

    @Test func theValidCodesAreValid() {
        #expect(UnifiedSocialCreditCode.isValid(Self.valid1) && UnifiedSocialCreditCode.isValid(Self.valid2))
        #expect(!UnifiedSocialCreditCode.isValid(Self.mistyped1))
    }

    /// The standard read character by character (the definition `isValid` checks on bytes).
    static func validByCharacters(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 18, let check = UnifiedSocialCreditCode.checkCharacter(of: Array(chars.prefix(17))) else { return false }
        return chars[17] == check
    }

    @Test(arguments: [
        valid1, valid2, mistyped1, valid1.lowercased(), String(valid1.dropLast()), valid1 + "0", "",
        " " + String(valid1.dropFirst()),                       // 18 characters, a space first
        String(valid1.dropLast()) + "\u{FF19}",                  // a full-width digit: 18 characters, 20 bytes
        valid1 + "\u{0301}",                                     // a combining mark on the check character
        "91350100I000100Y43", "91350100O000100Y43",             // letters the standard leaves out
        String(valid1.dropLast()) + "\r\n",                      // 18 characters, CRLF one of them
        "９1350100M000100Y43",
    ])
    func theByteCheckAgreesWithTheCharacterCheck(_ code: String) {
        #expect(UnifiedSocialCreditCode.isValid(code) == Self.validByCharacters(code), "\(code.debugDescription)")
    }

    @Test(arguments: [
        ("", ""), ("   ", ""), ("a", "a"), (" a ", "a"), ("\ta\n", "a"), ("\u{3000}客户\u{3000}", "客户"),
        ("客户", "客户"), ("a b", "a b"), ("a\r\n", "a\r\n"),   // CRLF is one character, not a space: kept
        (" \u{0301}a", " \u{0301}a"),                            // a space with a combining mark is not a space
        ("\u{3000}", ""), ("a\u{3000}", "a"), ("\u{3001}", "\u{3001}"), ("€", "€"),
    ])
    func trimmedSpaces(_ text: String, _ expected: String) {
        #expect(text.trimmedSpaces == expected, "\(text.debugDescription)")
    }

    @Test func aSubsidiaryListedTwiceIsStillOneSubsidiary() {
        let once = Self.find([("HG01", [Self.file("C1", Self.valid1)]), ("HG01", [Self.file("C2", Self.valid1)])])
        #expect(once.isEmpty)
        let thenAnother = Self.find([("HG01", [Self.file("C1", Self.valid1)]), ("HG01", [Self.file("C0", Self.valid1)]),
                                     ("YY01", [Self.file("K7", Self.valid1)])])
        #expect(thenAnother.map { "\($0.subsidiaryCode) \($0.customerID)" } == ["HG01 C0", "YY01 K7"])
    }

    @Test func orderedByGroupSalesThenCodeThenSubsidiary() {
        let entries = Self.find([("YY01", [Self.file("K1", Self.valid2), Self.file("K2", Self.valid1)]),
                                 ("HG01", [Self.file("C1", Self.valid1), Self.file("C2", Self.valid2)])])
        let bigger = SharedCustomers.ordered(entries) { $0 == Self.valid1 ? 500 : 100 }
        #expect(bigger.map { "\($0.creditCode == Self.valid1 ? 1 : 2)\($0.subsidiaryCode)" } == ["1HG01", "1YY01", "2HG01", "2YY01"])
        let tied = SharedCustomers.ordered(entries) { _ in 0 }
        #expect(tied.map(\.creditCode) == [Self.valid2, Self.valid2, Self.valid1, Self.valid1].sorted())
    }
}
