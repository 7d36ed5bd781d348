import KamIngest
import KamPolicy

/// One demo subsidiary and the export habits of its ERP: how it spells headers, dates and
/// amounts, which encoding and line endings it writes.
struct DemoSubsidiary {
    enum Style {
        /// UTF-8, English headers, LF, plain amounts.
        case plainUTF8
        /// GB18030 with Chinese headers, CRLF, thousands separators and slashed dates (Excel on Chinese Windows).
        case excelGB18030
        /// UTF-8 with BOM and CRLF, Chinese headers, ¥ amounts.
        case bomCRLF
        /// UTF-8, semicolons, a custom amount header mapped in config, no cost column.
        case customColumns
    }

    let code: String
    let name: String
    let line: String
    let style: Style
    /// Whether sales are dropped as quarter files (else month files).
    let quarterlySalesFiles: Bool
    let seed: UInt64

    var separator: String { style == .customColumns ? ";" : "," }
    var lineEnding: String { style == .excelGB18030 || style == .bomCRLF ? "\r\n" : "\n" }
    var chineseHeaders: Bool { style == .excelGB18030 || style == .bomCRLF }
    var hasCost: Bool { style != .customColumns }

    func header(_ kind: InputKind, columns: [String]) -> [String] {
        columns.map { name in
            if style == .customColumns && name == "amount" { return "含税金额" }
            guard chineseHeaders, let c = kind.columns.first(where: { $0.name == name }) else { return name }
            return c.chinese
        }
    }

    /// The file's bytes in this subsidiary's encoding.
    func encode(_ text: String) -> [UInt8] {
        switch style {
        case .excelGB18030: GB18030.encode(text)
        case .bomCRLF: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .plainUTF8, .customColumns: Array(text.utf8)
        }
    }

    func amount(_ fen: Int64) -> String {
        let plain = YuanText.of(fen, grouped: false)
        switch style {
        case .excelGB18030:
            let grouped = YuanText.of(abs(fen), grouped: true)
            return fen < 0 ? "\"(\(grouped))\"" : "\"\(grouped)\""
        case .bomCRLF: return fen < 0 ? "-¥" + YuanText.of(-fen, grouped: false) : "¥" + plain
        case .plainUTF8, .customColumns: return plain
        }
    }

    func date(_ y: Int, _ m: Int, _ d: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch style {
        case .excelGB18030: return "\(y)/\(m)/\(d)"
        case .bomCRLF: return "\(y)-\(two(m))-\(two(d)) 00:00:00"
        case .customColumns: return "\(y)\(two(m))\(two(d))"
        case .plainUTF8: return "\(y)-\(two(m))-\(two(d))"
        }
    }
}
