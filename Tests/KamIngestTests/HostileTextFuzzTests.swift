import Foundation
import Testing
@testable import KamIngest
@testable import KamPolicy

/// Well-formed CSV of every kind whose cells are random Unicode: C0 controls, U+0000,
/// U+200B and other format characters, U+FFFE/U+FFFF, U+FFFD, full-width digits and letters,
/// huge amounts (issue 13). The structure is kept (cells quoted when they need it, and the
/// file padded past the binary check's 8 KiB), so every row reaches the row rules; then:
/// nothing crashes, every row holding a value the rules must refuse is reported at its line,
/// and no accepted row carries a NUL, a control or a format character in its id, or a NUL
/// anywhere. The seed is fixed; `KAM_FUZZ_COUNT` raises the number of files.
@Suite struct HostileTextFuzzTests {
    enum Cell { case date, id, money, text, role, quantity }

    struct Kind {
        let fileName: String
        let columns: [(String, Cell)]
    }

    static let kinds: [Kind] = [
        Kind(fileName: "sales_2026-09.csv", columns: [("date", .date), ("customer_id", .id), ("customer_name", .text), ("product", .text),
                                                      ("quantity", .quantity), ("amount", .money), ("cost", .money)]),
        Kind(fileName: "sales_2026Q3.csv", columns: [("日期", .date), ("客户编码", .id), ("客户名称", .text), ("金额", .money)]),
        Kind(fileName: "receivables_2026Q3.csv", columns: [("customer_id", .id), ("receivable", .money), ("overdue", .money),
                                                           ("collected", .money), ("payment_terms", .text)]),
        Kind(fileName: "customers_2026Q3.csv", columns: [("customer_id", .id), ("customer_name", .text), ("industry", .text),
                                                         ("phone", .text), ("address", .text)]),
        Kind(fileName: "visits_2026Q3.csv", columns: [("date", .date), ("customer_id", .id), ("visitor", .text), ("role", .role),
                                                      ("purpose", .text), ("notes", .text)]),
        Kind(fileName: "approvals_2026Q3.csv", columns: [("customer_id", .id), ("approved_limit", .money), ("approved_by", .text)]),
    ]

    /// Scalars a hostile export might carry, weighted towards the ones the rules are about.
    static let hostile: [Unicode.Scalar] = [
        "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "\t", "\r", "\n",
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{61C}",
        "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "０", "５", "９", "Ａ", "Ｚ", "ａ", "ｚ", "，", "（", "）", "￥", "\u{3000}", "\u{A0}",
        "\"", ",", ";", "\u{301}", "\u{10FFFF}", "\u{1F600}", "\u{E000}",
    ]

    static func scalar(_ rng: inout SplitMix) -> Unicode.Scalar {
        switch rng.next() % 4 {
        case 0: return hostile[Int(rng.next() % UInt64(hostile.count))]
        case 1: return Unicode.Scalar(UInt8(0x20 + rng.next() % 0x5F))
        case 2: return Unicode.Scalar(UInt32(0x4E00 + rng.next() % 0x5000)) ?? "中"
        default:
            // Any scalar of the BMP or beyond, surrogates excepted.
            let v = UInt32(truncatingIfNeeded: rng.next() % 0x110000)
            return Unicode.Scalar(v) ?? "\u{FFFD}"
        }
    }

    static func text(_ rng: inout SplitMix, maxLength: Int = 8) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int(rng.next() % UInt64(maxLength + 1)) { s.append(scalar(&rng)) }
        return String(s)
    }

    /// Must an id with this middle be refused? Written apart from `CustomerIDRule`: a C0/C1
    /// control or DEL, a format character, or a full-width letter or digit.
    static func idMustFail(_ middle: String) -> Bool {
        middle.unicodeScalars.contains { s in
            s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.properties.generalCategory == .format
                || (0xFF10...0xFF19).contains(s.value) || (0xFF21...0xFF3A).contains(s.value) || (0xFF41...0xFF5A).contains(s.value)
        }
    }

    static let hugeAmounts = ["1000000000000.01", "-1000000000000.01", "(1000000000000.01)", "1,000,000,000,000.01", "￥1000000000001",
                              "99999999999999999999.99", "9223372036854775807", "92233720368547758.08", "-9223372036854775808",
                              "１２３", "1\u{200B}23", "12\u{0}3", "1.2\u{FEFF}", "１,000.00"]
    static let goodAmounts = ["1.00", "-2.5", "(3)", "￥4,000.00", "999999999999.99", "-1000000000000.00", "0"]

    /// One cell's text, and whether the rules must refuse the row because of it.
    static func cell(_ cell: Cell, _ rng: inout SplitMix, row: Int) -> (String, Bool) {
        let roll = rng.next() % 10
        switch cell {
        case .id:
            // `K…Z`: nothing at the ends to trim, so the middle decides.
            let middle = roll < 3 ? "\(row)" : "\(row)" + text(&rng, maxLength: 4)
            return ("K\(middle)Z", idMustFail(middle))
        case .money:
            if roll < 5 { return (goodAmounts[Int(rng.next() % UInt64(goodAmounts.count))], false) }
            if roll < 8 { return (hugeAmounts[Int(rng.next() % UInt64(hugeAmounts.count))], true) }
            let t = text(&rng)
            return (t, hasNUL(t))
        case .date:
            if roll < 7 { return ("2026-09-\(10 + rng.next() % 20)", false) }
            if roll < 8 { return ("２０２６-09-30", true) }
            // Past `2026-09-1`, a control (tab aside: trimmed at the end), a format character or a
            // full-width digit can make no date.
            let tail = text(&rng, maxLength: 2)
            return ("2026-09-1" + tail, tail.unicodeScalars.contains { s in
                (s.value < 0x20 && s != "\t") || (0x7F...0x9F).contains(s.value) || s.properties.generalCategory == .format
                    || (0xFF10...0xFF19).contains(s.value)
            })
        case .role:
            if roll < 8 { return (["销售代表", "销售主管", "公司领导"][Int(rng.next() % 3)], false) }
            let t = "销售代表" + text(&rng, maxLength: 2)
            return (t, hasNUL(t))
        case .quantity, .text:
            if roll < 3 { return ("甲\(row)", false) }
            let t = text(&rng)
            return (t, hasNUL(t))
        }
    }

    /// RFC 4180: quoted when it holds a separator, a quote or a line break. By scalar: `,`
    /// followed by a combining mark is one `Character` that is not `,`, but its byte is a separator.
    static func csv(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { ",\"\n\r;\t".unicodeScalars.contains($0) }) else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for s in value.unicodeScalars {
            if s == "\"" { quoted.append("\"") }
            quoted.append(s)
        }
        quoted.append("\"")
        return String(quoted)
    }

    static func hasNUL(_ s: String) -> Bool { s.unicodeScalars.contains("\u{0}") }

    static func isHidden(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || (0x7F...0x9F).contains(s.value)
            || s.properties.generalCategory == .format || s.value == 0xFFFE || s.value == 0xFFFF
    }

    static func run(files: Int, seed: UInt64) {
        var rng = SplitMix(seed: seed)
        for n in 0..<files {
            let kind = kinds[n % kinds.count]
            var text = kind.columns.map(\.0).joined(separator: ",") + "\n"
            // Valid rows past the first 8 KiB, where a NUL is a row's problem, not a binary file's.
            var padding = 0
            while text.utf8.count < 8_400 {
                let row = kind.columns.map { column -> String in
                    switch column.1 {
                    case .date: "2026-09-01"
                    case .id: "PAD\(padding)"
                    case .money: "1.00"
                    case .role: "销售代表"
                    case .text, .quantity: "1"
                    }
                }
                text += row.joined(separator: ",") + "\n"
                padding += 1
            }
            var mustFail: [Int] = []
            let rows = 20 + Int(rng.next() % 60)
            // Physical lines end at LF (a quoted CR alone is no line break to the reader).
            var line = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            for r in 0..<rows {
                var fails = false
                let cells = kind.columns.map { column -> String in
                    let (value, refused) = cell(column.1, &rng, row: r)
                    fails = fails || refused
                    return csv(value)
                }
                if fails { mustFail.append(line) }
                let record = cells.joined(separator: ",") + (rng.next() % 4 == 0 ? "\r\n" : "\n")
                line += record.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                text += record
            }
            let bytes = Array(text.utf8)
            let f = CheckedFile.read(bytes, fileName: kind.fileName, settings: ReadSettings(maxBadRows: Int.max))
            let label = "file \(n) \(kind.fileName)"
            #expect(!f.check.fileRejected, "\(label): \(f.check.diagnostics.prefix(3))")
            #expect(f.check.acceptedRows + f.check.badRows == padding + rows, "\(label)")
            #expect(f.check.diagnostics.count == f.check.problemCount, "\(label)")
            let reported = Set(f.check.diagnostics.map(\.line))
            for line in mustFail where !reported.contains(line) {
                Issue.record("\(label): line \(line) must be a row error: \(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first ?? "")")
            }
            // Every value a receipt shows is shown safely.
            for d in f.check.diagnostics where d.value.unicodeScalars.contains(where: isHidden) || d.column.unicodeScalars.contains(where: isHidden) {
                Issue.record("\(label): diagnostic shows a hidden character: \(d.value.unicodeScalars.map(\.codePoint))")
            }
            let receipt = Receipt(subsidiary: "HG01", fileName: kind.fileName, sha256: "-", receivedAt: "-", accepted: true, file: f)
            #expect(!receipt.csvBytes.contains(0), "\(label)")
            // What was accepted is clean.
            var ids: [String] = []
            var texts: [String] = []
            switch f.records {
            case .sales(let s)?:
                ids = s.months.keys.map(\.customerID)
                texts = s.months.values.map(\.latestName)
                #expect(s.months.values.allSatisfy { $0.sales.magnitude <= UInt64($0.lines) * 100_000_000_000_000 }, "\(label)")
            case .receivables(let r)?:
                ids = r.map(\.customerID)
                texts = r.map(\.paymentTerms)
                #expect(r.allSatisfy { [$0.receivable, $0.overdue, $0.collected].allSatisfy { $0.magnitude <= 100_000_000_000_000 } })
            case .customers(let c)?:
                ids = c.map(\.customerID)
                texts = c.flatMap { $0.fields.values }
            case .visits(let v)?:
                ids = v.map(\.customerID)
                texts = v.flatMap { [$0.visitor, $0.purpose, $0.notes] }
            case .approvals(let a)?:
                ids = a.map(\.customerID)
                texts = a.map(\.approvedBy)
                #expect(a.allSatisfy { $0.approvedLimit.magnitude <= 100_000_000_000_000 })
            case nil:
                Issue.record("\(label): no records")
            }
            for id in ids where idMustFail(id) || id.isEmpty {
                Issue.record("\(label): accepted id \(id.unicodeScalars.map(\.codePoint))")
            }
            for t in texts where hasNUL(t) { Issue.record("\(label): accepted text with NUL") }
            #expect(!ids.isEmpty, "\(label): the padding rows are accepted")
        }
    }

    @Test func hostileUnicodeInEveryKindIsReportedNeverAccepted() {
        let files = ProcessInfo.processInfo.environment["KAM_FUZZ_COUNT"].flatMap(Int.init) ?? 240
        Self.run(files: files, seed: 0x6B61_6D13)
    }
}
