import Testing
@testable import KamIngest
@testable import KamPolicy

/// SPEC §8 "Safety": a customer_id with a control or format character, or with full-width
/// letters or digits, is invalid in every kind; so is any cell holding U+0000, wherever in
/// the file it is (issue 13).
@Suite struct InvalidTextTests {
    /// One row template per kind: `{ID}` is the customer id, `{TEXT}` a free text cell.
    struct Kind: Sendable, CustomStringConvertible {
        let fileName: String
        let header: String
        let row: String
        let textColumn: String
        var description: String { fileName }

        func line(id: String, text: String = "甲") -> String {
            row.replacingOccurrences(of: "{ID}", with: id).replacingOccurrences(of: "{TEXT}", with: text)
        }
    }

    static let kinds: [Kind] = [
        Kind(fileName: "sales_2026-09.csv", header: "date,customer_id,customer_name,product,amount,cost",
             row: "2026-09-01,{ID},{TEXT},P,1.00,0.50", textColumn: "customer_name"),
        Kind(fileName: "receivables_2026Q3.csv", header: "customer_id,receivable,overdue,collected,payment_terms",
             row: "{ID},1.00,0,0,{TEXT}", textColumn: "payment_terms"),
        Kind(fileName: "customers_2026Q3.csv", header: "customer_id,customer_name,industry",
             row: "{ID},{TEXT},化工", textColumn: "customer_name"),
        Kind(fileName: "visits_2026Q3.csv", header: "date,customer_id,visitor,role,purpose,notes",
             row: "2026-09-01,{ID},张三,销售代表,客情建设,{TEXT}", textColumn: "notes"),
        Kind(fileName: "approvals_2026Q3.csv", header: "customer_id,approved_limit,approved_by",
             row: "{ID},1.00,{TEXT}", textColumn: "approved_by"),
    ]

    static let badIDs: [(id: String, problem: CustomerIDRule.Problem)] = [
        ("C\u{200B}1", .invisibleCharacter("\u{200B}")),    // zero-width space (Cf)
        ("\u{FEFF}C1", .invisibleCharacter("\u{FEFF}")),    // a BOM at the id's start (Cf)
        ("C1\u{200E}", .invisibleCharacter("\u{200E}")),    // left-to-right mark (Cf)
        ("C\u{AD}1", .invisibleCharacter("\u{AD}")),        // soft hyphen (Cf)
        ("C\u{1}1", .invisibleCharacter("\u{1}")),          // C0 control
        ("C\u{7F}1", .invisibleCharacter("\u{7F}")),        // DEL (Cc, and ASCII: the fast path must not take it)
        ("C\u{85}1", .invisibleCharacter("\u{85}")),        // NEL (C1 control)
        ("C\u{1B}1", .invisibleCharacter("\u{1B}")),        // ESC
        ("C\t1", .invisibleCharacter("\t")),                 // a tab inside (trimmed at the ends only)
        ("００１２３", .fullWidthCharacter("０")),
        ("Ｃ1", .fullWidthCharacter("Ｃ")),
        ("c１", .fullWidthCharacter("１")),
        ("ｚ9", .fullWidthCharacter("ｚ")),
    ]

    @Test(arguments: badIDs.map(\.id))
    func theRuleRefusesInvisibleAndFullWidthCharacters(id: String) {
        let expected = Self.badIDs.first { $0.id == id }?.problem
        #expect(CustomerIDRule.validate(id) == .failure(expected ?? .empty))
        #expect(CustomerIDRule.validate(" \(id) ") == .failure(expected ?? .empty))
    }

    @Test func theRuleStillTakesOrdinaryIDs() throws {
        for ok in ["00123", "C-001", "华东001", "客户①", "\tC1\t", "　C1　", "C1.5", "E-1"] {
            #expect(throws: Never.self, "\(ok)") { try CustomerIDRule.validate(ok).get() }
        }
        #expect(try CustomerIDRule.validate("\tC1\t").get() == "C1")
    }

    @Test(arguments: kinds)
    func everyKindRefusesABadIDAsARowError(kind: Kind) {
        for (id, problem) in Self.badIDs {
            let text = "\(kind.header)\n\(kind.line(id: "OK1"))\n\(kind.line(id: id))\n"
            let f = CheckedFile.read(Array(text.utf8), fileName: kind.fileName, settings: ReadSettings(maxBadRows: 5))
            #expect(f.check.acceptedRows == 1, "\(kind) \(id.unicodeScalars.map(\.codePoint))")
            #expect(f.check.badRows == 1, "\(kind) \(id.unicodeScalars.map(\.codePoint))")
            #expect(!f.check.fileRejected)
            let d = f.check.diagnostics.first
            #expect(d?.line == 3)
            #expect(d?.column == "customer_id")
            #expect(d?.reason == problem.reason, "\(kind) \(id.unicodeScalars.map(\.codePoint))")
            // Shown safely: the invisible character is named, not carried.
            if case .invisibleCharacter(let c) = problem, c != "\t" {
                #expect(d?.value.unicodeScalars.contains(c) == false)
                #expect(d?.value.contains("<\(c.codePoint)>") == true, "\(String(describing: d))")
            }
            #expect(f.isAccepted(maxBadRows: 5))
            #expect(!f.isAccepted(maxBadRows: 0))
        }
    }

    @Test func reasonsNameTheCharacter() {
        #expect(CustomerIDRule.Problem.invisibleCharacter("\u{200B}").reason
                == "客户编码含控制字符或不可见的格式字符(U+200B), 请在ERP中删除该字符后重新导出")
        #expect(CustomerIDRule.Problem.fullWidthCharacter("０").reason == "客户编码含全角字母或数字(U+FF10 ０), 请改为半角(如 00123)后重新导出")
    }

    /// Valid rows that fill the first `bytes` of a file, so that a NUL after them is past
    /// the binary check's 8 KiB and the file is read as text.
    static func padding(_ kind: Kind, bytes: Int) -> (text: String, rows: Int) {
        var text = kind.header + "\n"
        var rows = 0
        while text.utf8.count < bytes {
            text += kind.line(id: "P\(rows)") + "\n"
            rows += 1
        }
        return (text, rows)
    }

    /// Issue 13: a NUL past the first 8 KiB used to reach the store, which read the name
    /// back cut at the NUL. Now the cell is invalid in every kind, in an id or in text.
    @Test(arguments: kinds)
    func aNULPastTheFirst8KiBIsARowErrorInEveryKind(kind: Kind) throws {
        let (head, rows) = Self.padding(kind, bytes: 9_000)
        let line = rows + 2
        for (column, bad) in [(kind.textColumn, kind.line(id: "N1", text: "华东\u{0}化工")), ("customer_id", kind.line(id: "N\u{0}1"))] {
            let text = head + bad + "\n" + kind.line(id: "LAST") + "\n"
            let bytes = Array(text.utf8)
            let nulAt = try #require(bytes.firstIndex(of: 0))
            #expect(nulAt > 9_000 && nulAt < 9_200, "\(nulAt)")
            let f = CheckedFile.read(bytes, fileName: kind.fileName, settings: ReadSettings(maxBadRows: 1))
            #expect(!f.check.fileRejected, "\(kind) \(f.check.diagnostics)")
            #expect(f.check.acceptedRows == rows + 1)
            #expect(f.check.badRows == 1)
            #expect(f.check.diagnostics == [Diagnostic(line: line, column: column,
                                                       value: column == "customer_id" ? "N\u{0}1" : "华东\u{0}化工",
                                                       reason: "含空字符(U+0000), 文件可能已损坏, 请在ERP中重新导出")])
            #expect(f.check.diagnostics.first?.value.contains("<U+0000>") == true)
            #expect(!f.isAccepted(maxBadRows: 0))
            // The accepted rows hold no NUL and no trace of the bad row.
            switch f.records {
            case .sales(let s)?:
                #expect(!s.months.keys.contains { $0.customerID.hasPrefix("N") })
                #expect(!s.months.values.contains { $0.latestName.contains("\u{0}") || $0.latestName == "华东" })
                #expect(f.totals.first?.fen == Fen(rows + 1) * 100)
            case .receivables(let r)?: #expect(!r.contains { $0.customerID.hasPrefix("N") })
            case .customers(let c)?: #expect(!c.contains { $0.customerID.hasPrefix("N") || $0.customerName == "华东" })
            case .visits(let v)?: #expect(!v.contains { $0.customerID.hasPrefix("N") || $0.notes == "华东" })
            case .approvals(let a)?: #expect(!a.contains { $0.customerID.hasPrefix("N") || $0.approvedBy == "华东" })
            case nil: Issue.record("no records")
            }
            // The receipt carries no NUL byte.
            let receipt = Receipt(subsidiary: "HG01", fileName: kind.fileName, sha256: "-", receivedAt: "-", accepted: false, file: f)
            #expect(!receipt.csvBytes.contains(0))
        }
    }

    @Test func aNULInTheFirst8KiBIsStillABinaryFile() {
        let f = CheckedFile.read(Array("date,customer_id,customer_name,amount\n2026-09-01,C1,甲\u{0},1\n".utf8),
                                 fileName: "sales_2026-09.csv", settings: ReadSettings(maxBadRows: 10))
        #expect(f.check.fileRejected)
        #expect(f.check.diagnostics.first?.reason == "不是文本文件(含二进制内容), 请导出为CSV")
    }

    @Test func aNULInAnIgnoredColumnOrAQuotedCellIsInvalidToo() {
        let kind = Kind(fileName: "sales_2026-09.csv", header: "date,customer_id,customer_name,product,amount,cost,备注",
                        row: "2026-09-01,{ID},{TEXT},P,1.00,0.50,x", textColumn: "customer_name")
        let (head, rows) = Self.padding(kind, bytes: 9_000)
        let text = head + "2026-09-01,Q1,\"甲\n乙\u{0}\",P,1,0,x\n2026-09-01,Q2,甲,P,1,0,\"备\u{0}注\"\n"
        let f = CheckedFile.read(Array(text.utf8), fileName: kind.fileName, settings: ReadSettings(maxBadRows: 10))
        #expect(f.check.acceptedRows == rows)
        #expect(f.check.badRows == 2)
        #expect(f.check.diagnostics.map(\.column) == ["customer_name", "备注"])
        #expect(f.check.diagnostics.map(\.line) == [rows + 2, rows + 4])
    }

    @Test func aNULInTheHeaderPastTheFirst8KiBRejectsTheFile() {
        // Blank lines push the header past 8 KiB.
        let text = String(repeating: "\n", count: 9_000) + "date,customer_id,customer_name,amount\u{0}\n2026-09-01,C1,甲,1\n"
        let f = CheckedFile.read(Array(text.utf8), fileName: "sales_2026-09.csv", settings: ReadSettings(maxBadRows: 10))
        #expect(f.check.fileRejected)
        #expect(f.check.diagnostics.first?.reason == "表头含空字符(U+0000), 文件可能已损坏, 请重新导出")
        #expect(f.check.diagnostics.first?.value == "amount<U+0000>")
    }

    @Test func diagnosticsShowHiddenCharactersByCodePoint() {
        #expect(Diagnostic.shown("a\u{0}b\u{200B}c\u{FFFE}\u{FFFF}\u{FEFF}") == "a<U+0000>b<U+200B>c<U+FFFE><U+FFFF><U+FEFF>")
        #expect(Diagnostic.shown("两行\r\n名称\t甲") == "两行\r\n名称\t甲")
        #expect(Diagnostic(line: 1, value: "x\u{1}", reason: "r").value == "x<U+0001>")
    }
}
