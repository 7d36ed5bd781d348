import KamPolicy

/// The answer a subsidiary gets for every file it drops (SPEC §3): accepted with its rows,
/// totals and checksum, or rejected with every error as line, column, value and reason. It is
/// a CSV in UTF-8 with a BOM and CRLF line ends, because that is what Excel on Chinese Windows
/// opens without asking about encodings.
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

    /// The receipt's file name next to the input: `<file-name>.receipt.csv`.
    public static func fileName(for input: String) -> String {
        let suffix = ".receipt.csv"
        guard input.utf8.count + suffix.utf8.count > Self.maxNameBytes else { return input + suffix }
        // A name near the file system's 255-byte limit still gets a receipt: cut at a character
        // boundary and keep it unique with a short checksum of the whole name.
        let tag = "~" + SHA256.hex(Array(input.utf8)).prefix(8)
        var cut = ""
        var bytes = 0
        for ch in input {
            let n = String(ch).utf8.count
            guard bytes + n + tag.utf8.count + suffix.utf8.count <= Self.maxNameBytes else { break }
            cut.append(ch)
            bytes += n
        }
        return cut + tag + suffix
    }

    /// NAME_MAX on Linux file systems.
    static let maxNameBytes = 255

    public var status: String { accepted ? "接受" : "拒绝" }

    /// The receipt as lines of cells (already CSV-encoded).
    public var rows: [[String]] {
        let check = file.check
        var rows: [[String]] = [["项目", "内容"]]
        rows.append(["状态", status])
        rows.append(["分公司", ExcelSafeCell.text(subsidiary)])
        rows.append(["文件", ExcelSafeCell.text(fileName)])
        rows.append(["类型", file.name.map { "\($0.kind.rawValue) \($0.kind.chineseName)" } ?? "-"])
        rows.append(["期间", file.name?.period.description ?? "-"])
        rows.append(["编码", check.encoding?.rawValue ?? "-"])
        rows.append(["有效行数", "\(check.acceptedRows)"])
        rows.append(["错误行数", "\(check.badRows)"])
        for total in file.totals where total.column != "cost" || file.hasCost {
            rows.append(["\(total.chinese)合计(元)", YuanText.of(total.fen, grouped: false)])
        }
        rows.append(["SHA-256", sha256])
        rows.append(["接收时间", receivedAt])
        if let effect { rows.append(["生效情况", ExcelSafeCell.quoted(effect)]) }
        for warning in check.warnings { rows.append(["警告", ExcelSafeCell.quoted(warning)]) }
        rows.append(["错误总数", "\(check.problemCount)"])
        if check.problemCount > check.diagnostics.count {
            rows.append(["说明", ExcelSafeCell.quoted("仅列出前\(check.diagnostics.count)条错误, 共\(check.problemCount)条")])
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
