import KamPolicy

/// The answer a subsidiary gets for every file it drops (SPEC §3): accepted with its rows,
/// totals and checksum, or rejected with every error as line, column, value and reason. It is
/// a CSV in UTF-8 with a BOM and CRLF line ends, because that is what Excel on Chinese Windows
/// opens without asking about encodings, and the same as an xlsx workbook (KamReports'
/// `ReceiptWorkbook`), whose text cells keep `001000` as written where Excel's CSV import does not.
public struct Receipt: Sendable {
    public let subsidiary: String
    public let fileName: String
    public let sha256: String
    /// Received time as readers see it, e.g. `2026-10-03 10:00`.
    public let receivedAt: String
    public let accepted: Bool
    public let file: CheckedFile
    /// For an accepted file: whether it took effect, for which months or quarter, or which
    /// file received later already covers them (SPEC §8). Nil when not known (`kam validate`).
    public var effect: String?

    public init(subsidiary: String, fileName: String, sha256: String, receivedAt: String, accepted: Bool, file: CheckedFile) {
        self.subsidiary = subsidiary
        self.fileName = fileName
        self.sha256 = sha256
        self.receivedAt = receivedAt
        self.accepted = accepted
        self.file = file
    }

    /// The receipt's file name next to the input (SPEC §8): `<file-name>.<received>.receipt.csv`,
    /// `<received>` being `stamp(of:)` of the received time. The time in the name is what keeps a
    /// later file of the same name from overwriting the earlier file's receipt; `attempt` (2, 3, …)
    /// is added when two files of one name arrive in the same second.
    public static func fileName(for input: String, received: String, attempt: Int = 1) -> String {
        let tail = "." + received + (attempt > 1 ? "-\(attempt)" : "") + csvSuffix
        // Sized for the longer workbook name, so both receipts of a file fit.
        guard input.utf8.count + tail.utf8.count + 1 > Self.maxNameBytes else { return input + tail }
        // A name near the file system's 255-byte limit still gets a receipt: cut at a character
        // boundary and keep it unique with a short checksum of the whole name.
        let tag = "~" + SHA256.hex(Array(input.utf8)).prefix(8)
        var cut = ""
        var bytes = 0
        for ch in input {
            let n = String(ch).utf8.count
            guard bytes + n + tag.utf8.count + tail.utf8.count + 1 <= Self.maxNameBytes else { break }
            cut.append(ch)
            bytes += n
        }
        return cut + tag + tail
    }

    static let csvSuffix = ".receipt.csv"
    static let workbookSuffix = ".receipt.xlsx"

    /// The xlsx receipt beside a CSV receipt (a path or a name): `….receipt.csv` → `….receipt.xlsx`.
    public static func workbookPath(ofCSV path: String) -> String {
        path.hasSuffix(csvSuffix) ? String(path.dropLast(csvSuffix.count)) + workbookSuffix : path + ".xlsx"
    }

    /// A received time as a file name carries it: `20261003-100005` (local time; no `:`, which
    /// Windows file names cannot hold; sorts by time).
    public static func stamp(of local: LocalDateTime, second: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let d = local.date
        return "\(d.year)\(two(d.month))\(two(d.day))-\(two(local.time.hour))\(two(local.time.minute))\(two(second))"
    }

    /// NAME_MAX on Linux file systems.
    static let maxNameBytes = 255

    public var status: String { accepted ? "接受" : "拒绝" }

    /// One line of the receipt's summary: a label and its value as plain text. `fromInput` marks
    /// text taken from the file (its name, the subsidiary folder), which the CSV makes inert.
    public struct Fact: Sendable, Equatable {
        public let label: String
        public let value: String
        public let fromInput: Bool

        init(_ label: String, _ value: String, fromInput: Bool = false) {
            self.label = label
            self.value = value
            self.fromInput = fromInput
        }
    }

    /// The summary, in the order both receipts (CSV and xlsx) show it.
    public var facts: [Fact] {
        let check = file.check
        var facts = [Fact("状态", status), Fact("分公司", subsidiary, fromInput: true), Fact("文件", fileName, fromInput: true),
                     Fact("类型", file.name.map { "\($0.kind.rawValue) \($0.kind.chineseName)" } ?? "-"),
                     Fact("期间", file.name?.period.description ?? "-"), Fact("编码", check.encoding?.rawValue ?? "-"),
                     Fact("有效行数", "\(check.acceptedRows)"), Fact("错误行数", "\(check.badRows)")]
        for total in file.totals where total.column != "cost" || file.hasCost {
            facts.append(Fact("\(total.chinese)合计(元)", YuanText.of(total.fen, grouped: false)))
        }
        facts.append(Fact("SHA-256", sha256))
        facts.append(Fact("接收时间", receivedAt))
        if let effect { facts.append(Fact("生效情况", effect)) }
        for warning in check.warnings { facts.append(Fact("警告", warning)) }
        facts.append(Fact("错误总数", "\(check.problemCount)"))
        if check.problemCount > check.diagnostics.count {
            facts.append(Fact("说明", "仅列出前\(check.diagnostics.count)条错误, 共\(check.problemCount)条"))
        }
        return facts
    }

    /// The CSV receipt as lines of cells (already CSV-encoded): the facts, a blank line, then the
    /// problems one a line.
    public var rows: [[String]] {
        let check = file.check
        var rows: [[String]] = [["项目", "内容"]]
        for fact in facts {
            rows.append([fact.label, fact.fromInput ? ExcelSafeCell.text(fact.value) : ExcelSafeCell.quoted(fact.value)])
        }
        rows.append([])
        if !check.diagnostics.isEmpty {
            rows.append(["行号", "列", "值", "原因"])
            for d in check.diagnostics {
                rows.append(["\(d.line)", ExcelSafeCell.text(d.column), ExcelSafeCell.text(d.value), ExcelSafeCell.quoted(d.reason)])
            }
        }
        return rows
    }

    /// The receipt file's bytes: BOM, CRLF.
    public var csvBytes: [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in rows {
            out += Array(row.joined(separator: ",").utf8)
            out += [0x0D, 0x0A]
        }
        return out
    }

    /// One line for a terminal: `HG01/sales_2026-09.csv: 接受 1234 行, 错误 0, 金额 1234.50`.
    public var summaryLine: String {
        var s = "\(subsidiary)/\(fileName): \(status) \(file.check.acceptedRows)行, 错误行\(file.check.badRows)"
        if let total = file.totals.first { s += ", \(total.chinese) \(YuanText.of(total.fen, grouped: false))" }
        if !accepted, let first = file.check.diagnostics.first { s += "; \(first)" }
        return s
    }
}
