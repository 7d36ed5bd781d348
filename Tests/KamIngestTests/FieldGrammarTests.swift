import Testing
@testable import KamIngest
@testable import KamPolicy

@Suite struct AmountGrammarTests {
    @Test(arguments: [
        ("1234.5", Fen(123_450)), ("1,234.50", 123_450), (" 12 ", 1200), ("-12.05", -1205), ("(12.00)", -1200),
        ("（1,000）", -100_000), ("¥12", 1200), ("￥-12", -1200), ("-￥12", -1200), ("¥(5.5)", -550), ("0", 0),
        ("1,234,567.89", 123_456_789), ("12.", nil), ("", nil),
    ] as [(String, Fen?)])
    func parses(text: String, expected: Fen?) {
        switch AmountGrammar.parse(text) {
        case .success(let v): #expect(v == expected, "\(text)")
        case .failure: #expect(expected == nil, "\(text)")
        }
    }

    @Test(arguments: ["1.234", "1,23", "12,34.00", "1.234,50", "12a", "--1", "(12", "$12", "1 234", "1,,234", ",123", "1e5"])
    func rejects(text: String) {
        if case .success(let v) = AmountGrammar.parse(text) { Issue.record("\(text) parsed as \(v)") }
    }

    @Test func distinguishesEmptyFromInvalidAndTooManyDecimals() {
        #expect(AmountGrammar.parse("  ") == .failure(.empty))
        #expect(AmountGrammar.parse("1.234") == .failure(.tooManyDecimals))
        #expect(AmountGrammar.parse("abc") == .failure(.invalid))
    }
}

@Suite struct DateGrammarTests {
    @Test(arguments: ["2026-09-30", "2026/9/30", "2026.09.30", "20260930", "2026-9-30 00:00:00", "2026/09/30 8:05"])
    func acceptsTheFourForms(text: String) {
        #expect(DateGrammar.parse(text) == LocalDate(year: 2026, month: 9, day: 30))
    }

    @Test(arguments: ["2026-02-30", "30/09/2026", "2026-9", "26-09-30", "2026093", "2026-09-30T00:00", "2026-09-30 noon", "２０２６-09-30", ""])
    func rejectsEverythingElse(text: String) {
        #expect(DateGrammar.parse(text) == nil, "\(text)")
    }
}

@Suite struct CustomerIDRuleTests {
    @Test func keepsLeadingZerosAndTrims() throws {
        #expect(try CustomerIDRule.validate(" 00123 ").get() == "00123")
        #expect(try CustomerIDRule.validate("123456789012345").get() == "123456789012345")
        #expect(try CustomerIDRule.validate("1234567890123456").get() == "1234567890123456")
        #expect(try CustomerIDRule.validate("E1234").get() == "E1234")
    }

    @Test(arguments: [("1.23E+17", CustomerIDRule.Problem.scientificNotation), ("1E5", .scientificNotation),
                      ("4.5e-3", .scientificNotation), ("1234567890123450", .truncatedByExcel),
                      ("12345678901234500000", .truncatedByExcel), ("", .empty)])
    func refusesWhatExcelMangled(text: String, problem: CustomerIDRule.Problem) {
        #expect(CustomerIDRule.validate(text) == .failure(problem))
    }
}

@Suite struct DropFileNameTests {
    @Test func readsKindAndPeriod() throws {
        let n = try DropFileName.parse("sales_2026-09_更正.CSV").get()
        #expect(n.kind == .sales && n.period == .month(YearMonth(year: 2026, month: 9)))
        #expect(try DropFileName.parse("receivables_2026Q3.csv").get().period == .quarter(year: 2026, quarter: 3))
    }

    @Test func refusesBadNames() {
        #expect(DropFileName.parse("sales_2026-09.xlsx") == .failure(.notCSV))
        #expect(DropFileName.parse("invoices_2026-09.csv") == .failure(.unknownKind("invoices")))
        #expect(DropFileName.parse("sales_2026-9.csv") == .failure(.badPeriod("2026-9")))
        #expect(DropFileName.parse("visits_2026-09.csv") == .failure(.monthPeriodForQuarterlyKind))
        #expect(DropFileName.parse("sales.csv") == .failure(.malformed))
    }

    /// SPEC §8: the period is exactly `YYYY-MM` (01–12) or `YYYYQn` (1–4) with a four-digit
    /// year. `Int("+202")` is 202, so a sign once passed as a short year (issue 13).
    @Test(arguments: ["sales_+202Q1.csv", "sales_2026-+9.csv", "sales_2026-9.csv", "sales_02026-09.csv",
                      "sales_2026Q5.csv", "sales_2026-13.csv", "sales_2026-00.csv", "sales_-202Q1.csv",
                      "sales_+2026-09.csv", "sales_2026-09 .csv", "sales_２０２６-09.csv", "receivables_2026Q+3.csv",
                      "receivables_202Q3.csv", "sales_2026.csv", "receivables_+2026.csv"])
    func refusesAnyOtherPeriodSpelling(fileName: String) {
        let parts = fileName.dropLast(4).split(separator: "_", maxSplits: 2)
        let written = String(parts[1])
        #expect(DropFileName.parse(fileName) == .failure(.badPeriod(written)), "\(fileName)")
        let refused = CheckedFile.read(Array("date,customer_id,customer_name,amount\n".utf8), fileName: fileName, settings: ReadSettings())
        #expect(refused.check.diagnostics == [Diagnostic(line: 0, value: fileName, reason: "期间 [\(written)] 无效, 应为 YYYY-MM (月) 或 YYYYQn (季度)")])
        #expect(!refused.isAccepted(maxBadRows: 1_000))
    }
}

@Suite struct SHA256Tests {
    @Test func standardVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var h = SHA256()
        for _ in 0..<1000 { h.update([UInt8](repeating: 0x61, count: 1000)) }
        #expect(h.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

/// A date in the right shape that the calendar does not have is named as such (issue 16).
@Suite struct DateReasonTests {
    @Test(arguments: [
        ("2026-11-31", "日期不存在: 2026 年 11 月没有 31 日"),
        ("2026/2/29", "日期不存在: 2026 年 2 月没有 29 日"),
        ("20261301", "日期不存在: 月份 13 无效(2026 年只有 1–12 月)"),
        ("2026-11-3x", DateGrammar.formatReason),
        ("30/11/2026", DateGrammar.formatReason),
    ])
    func reason(text: String, expected: String) {
        #expect(DateGrammar.parse(text) == nil)
        #expect(DateGrammar.reason(for: text) == expected)
    }

    @Test func aLeapDayIsADate() {
        #expect(DateGrammar.parse("2028-02-29") != nil)
    }
}
