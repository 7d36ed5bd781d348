import Foundation
import Testing

/// Issue 5's "Must show": the built `kam` on the demo workspace (every input kind, four ERPs'
/// encodings and layouts), every kind of workbook read back with python3-openpyxl and its
/// figures re-derived from the raw drop CSVs by `check_demo_workbooks.py`, which shares no code
/// with kam (SPEC §4/§8 and docs/DECISIONS.md written again in Python).
@Suite(.serialized) struct DemoWorkbooksEndToEndTests {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("check_demo_workbooks.py")

    @Test func everyWorkbookKindMatchesAnIndependentComputationFromTheRawDrops() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kam-demo-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer {
            if ProcessInfo.processInfo.environment["KAM_KEEP_WORKBOOKS"] == nil {
                try? FileManager.default.removeItem(at: root)
            } else {
                FileHandle.standardError.write(Data("demo workspace kept at \(root.path)\n".utf8))
            }
        }
        let demo = root.appendingPathComponent("demo"), drops = root.appendingPathComponent("drop-copy")
        // 20 customers per subsidiary still has every demo feature (a quoted comma in a name, new
        // and lapsed customers, wrong credit-code check characters, key accounts) and keeps the
        // run well under half a minute in a debug build.
        let made = try KamBinary.kam("demo", demo.path, "--customers", "20")
        #expect(made.status == 0, "\(made.stderr)")

        try Self.addEdgeCases(to: demo.appendingPathComponent("drop"))

        // kam moves accepted files out of drop/; keep the originals, with their mtimes (received order).
        let copy = try KamBinary.run(URL(fileURLWithPath: "/bin/cp"), ["-a", demo.appendingPathComponent("drop").path, drops.path])
        #expect(copy.status == 0, "\(copy.stderr)")

        let run = try KamBinary.kam("run", "--config", demo.appendingPathComponent("config/kam.yaml").path,
                                    "--as-of", "2026-11-22T08:00")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("delivered: 232 workbook(s)"), "\(run.stdout.prefix(300))")
        #expect(run.stdout.contains("rejected: YY02/sales_2026-09_bad.csv"), "\(run.stdout.prefix(300))")

        let check = try KamBinary.run(Self.python, [Self.checker.path, demo.path, drops.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("cells compared"), "\(check.stdout)\(check.stderr)")
        // kam defects the checker tolerates (KNOWN_DEFECTS) stay visible as known issues of this test.
        let known = check.stdout.split(separator: "\n").filter { $0.hasPrefix("EXPECTED FAILURE") }
        if !known.isEmpty {
            withKnownIssue("\(known.count) known kam defect(s), see KNOWN_DEFECTS in check_demo_workbooks.py") {
                Issue.record(Comment(rawValue: known.prefix(20).joined(separator: "\n")))
            }
        }
    }

    /// A few edits to the demo's drops so that rules the plain demo never exercises are checked too;
    /// every edited file keeps its mtime (its received time), added files get one of their own.
    static func addEdgeCases(to drop: URL) throws {
        let fm = FileManager.default
        func edit(_ url: URL, _ change: (String) -> String) throws {
            let mtime = try fm.attributesOfItem(atPath: url.path)[.modificationDate]
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(change(text).utf8).write(to: url)
            if let mtime { try fm.setAttributes([.modificationDate: mtime], ofItemAtPath: url.path) }
        }
        func beijing(_ y: Int, _ m: Int, _ d: Int, _ h: Int) -> Date {
            var c = DateComponents(year: y, month: m, day: d, hour: h)
            c.timeZone = TimeZone(identifier: "Asia/Shanghai")
            return Calendar(identifier: .gregorian).date(from: c)!
        }
        let hg01 = drop.appendingPathComponent("HG01")
        // 删除档案 (and 无档案 while it still buys): C10005, whose name holds a quoted comma, leaves the 2026Q3 file.
        try edit(hg01.appendingPathComponent("customers_2026Q3.csv")) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("C10005,") }
                .joined(separator: "\n")
        }
        // 未知客户拜访: a visit to a customer kam has never seen, with a purpose outside the five (其他).
        try edit(hg01.appendingPathComponent("visits_2026Q3.csv")) { $0 + "2026-08-15,X99999,张伟,销售代表,展会邀约,\n" }
        // Later wins, month by month: a corrected August file after the 2026Q3 quarter file (one line fewer).
        let quarter = try String(contentsOf: hg01.appendingPathComponent("sales_2026Q3.csv"), encoding: .utf8)
        let lines = quarter.split(separator: "\n").map(String.init)
        let august = lines.dropFirst().filter { $0.hasPrefix("2026-08-") }.dropFirst()
        let corrected = hg01.appendingPathComponent("sales_2026-08_更正.csv")
        try Data(([lines[0]] + august).map { $0 + "\n" }.joined().utf8).write(to: corrected)
        try fm.setAttributes([.modificationDate: beijing(2026, 10, 4, 10)], ofItemAtPath: corrected.path)
        // A missing receivables snapshot (YY01 2026Q2): 未报送 in 2026Q2, opening 0 in 2026Q3, and the
        // proposals look back past the blank quarter for the latest approved grade and payment terms.
        try fm.removeItem(at: drop.appendingPathComponent("YY01/receivables_2026Q2.csv"))

        func editLines(_ url: URL, _ change: (inout [String]) -> Void) throws {
            try edit(url) { text in
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                change(&lines)
                return lines.joined(separator: "\n")
            }
        }
        func setField(_ line: String, _ index: Int, _ value: String, separator: Character) -> String {
            var fields = line.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            fields[index] = value
            return fields.joined(separator: String(separator))
        }
        // Payment terms: padded (trimmed) and unknown (factor 1.0), read by the 2026Q3 proposal (basis 2026-03).
        try editLines(hg01.appendingPathComponent("receivables_2026Q1.csv")) { lines in
            lines[1] = setField(lines[1], 4, "\" 月结60 \"", separator: ",")
            lines[2] = setField(lines[2], 4, "月结45", separator: ",")
        }
        // An approved limit of 0 is no limit: 无额度 for a customer that owes money.
        try editLines(hg01.appendingPathComponent("approvals_2026Q3.csv")) { lines in
            lines[1] = setField(lines[1], 1, "0.00", separator: ",")
        }
        let yy02 = drop.appendingPathComponent("YY02")
        // A negative receivable (a credit balance): overdue ratio 0, negative utilisation, 正常.
        try editLines(yy02.appendingPathComponent("receivables_2026Q3.csv")) { lines in
            lines[1] = setField(lines[1], 1, "-500.00", separator: ";")
        }
        // A header-only file is accepted with zero rows and supersedes July as a whole.
        let empty = yy02.appendingPathComponent("sales_2026-07_空.csv")
        try Data("date;customer_id;customer_name;product;quantity;含税金额\n".utf8).write(to: empty)
        try fm.setAttributes([.modificationDate: beijing(2026, 8, 5, 10)], ofItemAtPath: empty.path)
        // A corrected September for YY01 (BOM, CRLF): one line turned into a return written the other
        // ways SPEC §8 allows — full-width parentheses around ￥ and a thousands separator, a dotted date.
        let yy01 = drop.appendingPathComponent("YY01")
        let september = try String(contentsOf: yy01.appendingPathComponent("sales_2026-09.csv"), encoding: .utf8)
        var rows = september.components(separatedBy: "\r\n")
        if let i = rows.indices.dropFirst().first(where: { !rows[$0].contains("\"") && !rows[$0].isEmpty }) {
            var fields = rows[i].components(separatedBy: ",")
            let day = Int(fields[0].dropFirst(8).prefix(2)) ?? 1
            fields[0] = "2026.9.\(day)"
            let plain = String(fields[5].dropFirst())  // "¥3378.61" -> "3378.61"
            let parts = plain.split(separator: ".")
            var whole = String(parts[0]), grouped = ""
            while whole.count > 3 { grouped = "," + whole.suffix(3) + grouped; whole = String(whole.dropLast(3)) }
            fields[5] = "\"（￥" + whole + grouped + "." + parts[1] + "）\""
            rows[i] = fields.joined(separator: ",")
        }
        let fixed = yy01.appendingPathComponent("sales_2026-09_更正.csv")
        try Data(rows.joined(separator: "\r\n").utf8).write(to: fixed)
        try fm.setAttributes([.modificationDate: beijing(2026, 10, 4, 9)], ofItemAtPath: fixed.path)
        // A rejected file (three decimals) supersedes nothing.
        let bad = yy02.appendingPathComponent("sales_2026-09_bad.csv")
        try Data("date;customer_id;customer_name;product;quantity;含税金额\n20260915;700001;某公司;产品;1;12.345\n".utf8).write(to: bad)
        try fm.setAttributes([.modificationDate: beijing(2026, 10, 5, 10)], ofItemAtPath: bad.path)
    }
}
