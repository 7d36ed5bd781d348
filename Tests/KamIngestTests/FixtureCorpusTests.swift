import Foundation
import Testing
@testable import KamIngest
@testable import KamPolicy

/// Real-looking messy exports (Fixtures/, made by make_fixtures.py), each with its exact
/// expected outcome worked out by hand: totals in fen, or every error as line, column, value
/// and reason. Read from disk, as ingest reads them.
@Suite struct FixtureCorpusTests {
    struct Expected: CustomTestStringConvertible, Sendable {
        var file: String
        var settings = ReadSettings()
        var accepted: Bool
        var encoding: DetectedEncoding? = .utf8
        var rows = 0
        var badRows = 0
        /// `CheckedFile.totals` in order (sales: amount, cost).
        var totals: [Fen] = []
        var errors: [Diagnostic] = []
        var warnings: [String] = []
        var testDescription: String { file }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let badDate = "日期格式无效(应为 2026-09-30、2026/9/30、2026.09.30 或 20260930)"
    static let badAmount = "金额格式无效(允许千分位逗号、¥/￥、负号或括号, 最多两位小数)"
    static let scientific = "客户编码已被Excel改为科学计数法, 请把该列设为文本后重新导出"

    static let cases: [Expected] = [
        Expected(file: "sales_2026-09_gb18030.csv", accepted: true, encoding: .gb18030, rows: 5, totals: [130_900, 106_550]),
        Expected(file: "sales_2026Q3_bom_crlf.csv", accepted: true, encoding: .utf8BOM, rows: 3, totals: [6_030, 0]),
        Expected(file: "sales_2026-09_semicolon.csv", settings: ReadSettings(columnAliases: ["amount": "含税金额"]), accepted: true,
                 rows: 2, totals: [350, 0]),
        Expected(file: "sales_2026-09_tabs.csv", accepted: true, rows: 2, totals: [800_700, 0]),
        Expected(file: "sales_2026-09_excel_ids.csv", accepted: false, rows: 2, badRows: 3, totals: [200, 0], errors: [
            Diagnostic(line: 2, column: "customer_id", value: "1.23E+17", reason: scientific),
            Diagnostic(line: 3, column: "customer_id", value: "9.1e5", reason: scientific),
            Diagnostic(line: 4, column: "customer_id", value: "1234567890123450000",
                       reason: "客户编码超过15位且末尾被Excel改为0, 请把该列设为文本后重新导出"),
        ]),
        Expected(file: "sales_2026-09_ragged.csv", accepted: false, rows: 1, badRows: 2, totals: [100, 0], errors: [
            Diagnostic(line: 2, value: "3", reason: "列数为3, 与表头的4列不一致"),
            Diagnostic(line: 3, value: "5", reason: "列数为5, 与表头的4列不一致"),
        ]),
        Expected(file: "sales_2026-09_dup_header.csv", accepted: false, totals: [0, 0], errors: [
            Diagnostic(line: 1, column: "Amount", value: "Amount", reason: "表头重复"),
        ]),
        Expected(file: "sales_2026-09_two_headers.csv", accepted: false, totals: [0, 0], errors: [
            Diagnostic(line: 1, column: "客户编码", value: "客户编码", reason: "与第2列[customer_id]是同一字段(customer_id)"),
        ]),
        Expected(file: "receivables_2026Q3_dups.csv", accepted: false, rows: 2, badRows: 2, totals: [30_000, 1_000, 5_000], errors: [
            Diagnostic(line: 4, column: "客户编码", value: "R1", reason: "客户编码重复: 第2行已有该客户(快照中每个客户只能出现一次)"),
            Diagnostic(line: 5, column: "客户编码", value: " R1 ", reason: "客户编码重复: 第2行已有该客户(快照中每个客户只能出现一次)"),
        ]),
        Expected(file: "sales_2026-09_empty.csv", accepted: false, encoding: nil, totals: [0, 0],
                 errors: [Diagnostic(line: 0, reason: "空文件")]),
        Expected(file: "customers_2026Q3_header_only.csv", accepted: true, warnings: ["文件只有表头, 没有数据行"]),
        Expected(file: "sales_2026-09_binary.csv", accepted: false, encoding: nil, totals: [0, 0],
                 errors: [Diagnostic(line: 0, reason: "不是文本文件(含二进制内容), 请导出为CSV")]),
        Expected(file: "visits_2026-09.csv", accepted: false, encoding: nil, errors: [
            Diagnostic(line: 0, value: "visits_2026-09.csv", reason: "该类型按季度报送, 期间必须是季度 (如 2026Q3), 不能是月份"),
        ]),
        Expected(file: "sales_2026-09_outside.csv", accepted: false, rows: 1, badRows: 2, totals: [200, 0], errors: [
            Diagnostic(line: 2, column: "date", value: "2026-08-31", reason: "日期不在文件的期间 2026-09 内"),
            Diagnostic(line: 4, column: "date", value: "2026-10-01 00:00:00", reason: "日期不在文件的期间 2026-09 内"),
        ]),
        Expected(file: "visits_2026Q3_messy.csv", accepted: false, rows: 2, badRows: 3, errors: [
            Diagnostic(line: 3, column: "职务", value: "总经理", reason: "职务必须是 销售代表、销售主管 或 公司领导 之一"),
            Diagnostic(line: 5, column: "日期", value: "2026-10-01", reason: "日期不在文件的期间 2026Q3 内"),
            Diagnostic(line: 6, column: "拜访人", value: "", reason: "拜访人为空"),
        ]),
        Expected(file: "approvals_2026Q3.csv", accepted: false, rows: 2, badRows: 1, totals: [129_050_000], errors: [
            Diagnostic(line: 4, column: "approved_limit", value: "", reason: "金额为空"),
        ]),
        Expected(file: "customers_2026Q3_codes.csv", accepted: false, rows: 2, badRows: 1, errors: [
            Diagnostic(line: 4, column: "客户名称", value: "", reason: "客户名称为空"),
        ]),
        Expected(file: "sales_2026-09_bad_amounts.csv", accepted: false, rows: 1, badRows: 6, totals: [-500, -50], errors: [
            Diagnostic(line: 2, column: "amount", value: "1.234", reason: "金额超过两位小数"),
            Diagnostic(line: 3, column: "amount", value: "1,5", reason: badAmount),
            Diagnostic(line: 4, column: "amount", value: "12a", reason: badAmount),
            Diagnostic(line: 5, column: "amount", value: "12,34.00", reason: badAmount),
            Diagnostic(line: 6, column: "amount", value: "", reason: "金额为空"),
            Diagnostic(line: 7, column: "cost", value: "$5", reason: badAmount),
        ]),
        Expected(file: "sales_2026-09_bad_dates.csv", accepted: false, rows: 1, badRows: 4, totals: [100, 0], errors: [
            Diagnostic(line: 2, column: "date", value: "2026-9-31", reason: "日期不存在: 2026 年 9 月没有 31 日"),
            Diagnostic(line: 3, column: "date", value: "2026-09-30T00:00", reason: badDate),
            Diagnostic(line: 4, column: "date", value: "30/09/2026", reason: badDate),
            Diagnostic(line: 5, column: "date", value: "2026-09-30 25:00:00x", reason: badDate),
        ]),
        Expected(file: "sales_2026-09_unterminated.csv", accepted: false, rows: 1, totals: [100, 0],
                 errors: [Diagnostic(line: 3, reason: "引号未闭合")]),
        Expected(file: "sales_2026-09_wrong_encoding.csv", settings: ReadSettings(encoding: .utf8), accepted: false, encoding: nil,
                 totals: [0, 0], errors: [
                    Diagnostic(line: 0, value: "字节位置 52", reason: "无法按 utf-8 解码, 请另存为 UTF-8 或 GB18030 编码的CSV"),
                 ]),
        Expected(file: "sales_2026-09_quantity.csv", accepted: false, rows: 2, badRows: 1, totals: [200, 0], errors: [
            Diagnostic(line: 2, column: "quantity", value: "十", reason: "数量不是数字"),
        ]),
        Expected(file: "sales_2026-09_blank_records.csv", accepted: true, rows: 1, totals: [100, 0]),
    ]

    static func read(_ c: Expected) throws -> CheckedFile {
        try CheckedFile.read(path: folder.appendingPathComponent(c.file).path, fileName: c.file, settings: c.settings)
    }

    @Test(arguments: cases) func fixture(_ c: Expected) throws {
        let f = try Self.read(c)
        #expect(f.isAccepted(maxBadRows: 0) == c.accepted)
        #expect(f.check.encoding == c.encoding)
        #expect(f.check.acceptedRows == c.rows)
        #expect(f.check.badRows == c.badRows)
        #expect(f.totals.map(\.fen) == c.totals)
        #expect(f.check.diagnostics == c.errors)
        #expect(f.check.problemCount == c.errors.count)
        #expect(f.check.warnings == c.warnings)
        // The same bytes from memory give the same answer as from disk.
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(c.file)))
        let inMemory = CheckedFile.read(bytes, fileName: c.file, settings: c.settings)
        #expect(inMemory.check.diagnostics == f.check.diagnostics && inMemory.totals == f.totals)
    }

    @Test func everyFixtureFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".csv") }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test func gb18030FileAggregatesPerCustomerWithTheLatestName() throws {
        guard case .sales(let f)? = try Self.read(Self.cases[0]).records else { Issue.record("not sales"); return }
        let sep = YearMonth(year: 2026, month: 9)
        let a = f.months[SalesFile.Key(customerID: "00123", month: sep)]
        #expect(a == CustomerMonthFigures(sales: 133_405, cost: 108_050, nonZeroLines: 3, lines: 3, latestName: "华东化工有限公司",
                                          latestNameRecency: LineRecency(date: 20_260_930, sequence: 5)))
        let b = f.months[SalesFile.Key(customerID: "C-7", month: sep)]
        #expect(b?.sales == -2_505 && b?.latestName == "上海浦东材料")
        #expect(f.months.count == 2)
    }

    @Test func quotedNewlineAndDoubledQuotesSurviveInNames() throws {
        guard case .sales(let f)? = try Self.read(Self.cases[1]).records else { Issue.record("not sales"); return }
        #expect(f.months[SalesFile.Key(customerID: "K1", month: YearMonth(year: 2026, month: 7))]?.latestName == "两行\r\n名称 \"甲\"")
        #expect(f.months.count == 3)
    }

    @Test func visitsKeepAPurposeOutsideTheFive() throws {
        guard case .visits(let v)? = try Self.read(Self.cases[14]).records else { Issue.record("not visits"); return }
        #expect(v.map(\.purpose) == ["客情建设", "喝茶聊天"])
        #expect(v.last?.notes == "备注, 有逗号")
    }

    @Test func aHugeLineIsRefused() {
        var bytes = Array("date,customer_id,customer_name,amount\n2026-09-01,C1,".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: CSVRecordReader.maximumRecordBytes + 10)
        bytes += Array(",1\n".utf8)
        let f = CheckedFile.read(bytes, fileName: "sales_2026-09.csv", settings: ReadSettings())
        #expect(f.check.diagnostics == [Diagnostic(line: 2, reason: "行过长(超过1048576字节), 不是有效的CSV")])
        #expect(!f.isAccepted(maxBadRows: 0))
    }
}
