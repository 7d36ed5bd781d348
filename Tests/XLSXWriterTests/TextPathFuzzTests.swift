import Foundation
import Testing
import XLSXWriter

/// Random text (seeded, so a failure reproduces) through every text path of the wrapper — cells,
/// sheet names (through `SheetName.sanitized`), chart titles, series names, axis names and the
/// categories a chart caches from cells, document properties, page headers and footers,
/// conditional-format values — into .xlsx files that `check_xml_safety.py` unzips and parses part
/// by part with a strict XML parser, then opens with openpyxl and compares every cell, sheet name
/// and property with the text written, forbidden characters replaced by U+FFFD.
@Suite(.serialized) struct TextPathFuzzTests {
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("check_xml_safety.py")

    /// SplitMix64: small, seeded, the same sequence on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    /// Where characters are drawn from: every C0 control, the two forbidden noncharacters, the
    /// replacement character itself, CJK, full-width forms (`EF BC..` bytes, next to the
    /// forbidden `EF BF BE`), emoji (astral, ZWJ sequences), combining marks, C1 controls and
    /// private use. No `_`, so no text accidentally reads as Excel's `_xHHHH_` escape.
    static let pools: [[Unicode.Scalar]] = [
        (0..<0x20).compactMap { Unicode.Scalar(UInt32($0)) },
        ["\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FFFC}", "\u{FEFF}", "\u{10FFFD}"]
            + [0xFDD0, 0x10FFFF, 0xEFFFE].compactMap { Unicode.Scalar(UInt32($0)) },
        Array("ABCxyz019 =+-@&\"'<>!,.;:()[]{}/\\?*%#".unicodeScalars),
        Array("客户上海浦东化工集团股份有限公司销售额同比".unicodeScalars),
        Array("（）￥１２３ｱｲ".unicodeScalars),
        ["\u{1F600}", "\u{1F468}", "\u{200D}", "\u{1F469}", "\u{20000}", "\u{2A6D6}"],
        ["\u{0301}", "\u{0308}", "\u{20DD}", "\u{FE0F}"],
        ["\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{E000}"],
    ]

    static func text(_ random: inout Random, maxLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        let length = random.below(maxLength + 1)
        for _ in 0..<length {
            let pool = pools[random.below(pools.count)]
            scalars.append(pool[random.below(pool.count)])
        }
        return String(scalars)
    }

    /// The texts a case writes, as the checker compares them (JSON carries every scalar).
    struct Expected: Codable {
        var file: String
        var sheets: [String] = []
        /// sheet index → rows → the text of columns A…C (nil: a blank cell).
        var cells: [[[String?]]] = []
        var title = "", subject = "", company = "", author = ""
        var chartTitles: [String] = []
    }

    static func writeCase(seed: UInt64, to folder: URL) throws -> Expected {
        var random = Random(state: seed)
        let name = "fuzz-\(seed).xlsx"
        var expected = Expected(file: name)
        let workbook = try Workbook(path: folder.appendingPathComponent(name).path)
        let formulaLike = ["=HYPERLINK(\"http://x\",\"y\")", "=1+1", "=SUM(A1:A3)\u{0B}", "+86 138", "@A1", "-1"]
        for s in 0..<3 {
            let sheetName = SheetName.sanitized("S\(s)_" + text(&random, maxLength: 40))
            let sheet = try workbook.addWorksheet(named: sheetName)
            expected.sheets.append(sheet.name)
            var rows: [[String?]] = []
            for r in 0..<40 {
                var row: [String?] = []
                for c in 0..<3 {
                    var value: String
                    switch random.below(10) {
                    case 0: value = formulaLike[random.below(formulaLike.count)] + text(&random, maxLength: 3)
                    case 1: value = text(&random, maxLength: 2000)
                    default: value = text(&random, maxLength: 24)
                    }
                    if r == 0 && c == 0 && s == 0 {
                        // One text at Excel's limit of 32,767 characters, forbidden ones included.
                        value = String(repeating: "客\u{0B}户\u{FFFF}", count: 32_767 / 4) + "xyz"
                    }
                    try sheet.write(value, row: r, column: c)
                    row.append(value.isEmpty ? nil : value)
                }
                try sheet.write(Double(r * 10 + s), row: r, column: 3)
                rows.append(row)
            }
            expected.cells.append(rows)
            let header = "&L" + HeaderFooterText.literal(text(&random, maxLength: 60)) + "&R&P / &N"
            try sheet.setPrintLayout(repeatHeaderRow: 0, header: header, footer: "&C" + HeaderFooterText.literal(text(&random, maxLength: 60)))
            try sheet.highlight(cellsEqualTo: text(&random, maxLength: 12), firstRow: 1, firstColumn: 0, lastRow: 39, lastColumn: 2,
                                style: CellStyle(fontColor: 0xC00000))
            for (i, kind) in [Chart.Kind.bar, .pie].enumerated() {
                let chart = try workbook.addChart(kind)
                let title = text(&random, maxLength: 30)
                try chart.setTitle(title)
                expected.chartTitles.append(title)
                try chart.setCategoryAxisName(text(&random, maxLength: 20))
                try chart.setValueAxisName(text(&random, maxLength: 20))
                // Categories are the cells of column B (short random texts): the chart caches them.
                try chart.addSeries(name: text(&random, maxLength: 20), categories: CellRange(sheet: sheet.name, column: 1, rows: 1...10),
                                    values: CellRange(sheet: sheet.name, column: 3, rows: 1...10), dataLabels: true)
                try sheet.insert(chart, row: 2 + 16 * i, column: 5)
            }
        }
        expected.title = text(&random, maxLength: 50)
        expected.subject = text(&random, maxLength: 50)
        expected.company = text(&random, maxLength: 50)
        expected.author = text(&random, maxLength: 50)
        try workbook.setProperties(DocumentProperties(title: expected.title, subject: expected.subject, company: expected.company,
                                                      author: expected.author, created: 1_790_000_000))
        try workbook.close()
        return expected
    }

    @Test func randomTextThroughEveryPathGivesWellFormedWorkbooks() throws {
        let keep = ProcessInfo.processInfo.environment["KAM_KEEP_WORKBOOKS"]
        let folder = keep.map { URL(fileURLWithPath: $0).appendingPathComponent("xml-safety") }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("kam-xml-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }

        var cases: [Expected] = []
        for seed in UInt64(1)...6 { cases.append(try Self.writeCase(seed: seed, to: folder)) }
        let encoder = JSONEncoder()
        try encoder.encode(cases).write(to: folder.appendingPathComponent("expected.json"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.checker.path, folder.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("checked 6 workbooks"), "\(output)")
    }
}
