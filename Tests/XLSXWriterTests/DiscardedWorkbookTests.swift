import Foundation
import Testing
import XLSXWriter

/// `discard()` is how a rebuild that shows what is already delivered costs no XML and no zlib:
/// the workbook, its sheets, formats, charts and names are freed and no file appears — not even
/// an empty one a later step could take for the workbook — and, like `close()`, it is final.
@Suite struct DiscardedWorkbookTests {
    @Test func aDiscardedWorkbookLeavesNoFileAndRefusesEverythingAfter() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kam-discard-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        workbook.recordsContent = true
        try workbook.setProperties(DocumentProperties(title: "标题", created: 0))
        let sheet = try workbook.addWorksheet(named: "数据")
        for row in 0..<2_000 {
            try sheet.write("客户\(row)", row: row, column: 0, style: CellStyle(border: true))
            try sheet.write(Double(row) * 1.5, row: row, column: 1, style: CellStyle(numberFormat: "#,##0.00"))
        }
        let chart = try workbook.addChart(.column)
        try chart.addSeries(name: "销售额", categories: CellRange(sheet: sheet.name, column: 0, rows: 0...9),
                            values: CellRange(sheet: sheet.name, column: 1, rows: 0...9))
        try sheet.insert(chart, row: 2, column: 4)
        try workbook.defineName("区域", formula: "=数据!$A$1:$B$10")
        let recorded = workbook.recordedContent
        try workbook.discard()
        #expect(!FileManager.default.fileExists(atPath: path))
        // What was recorded stays readable: the caller compares it after discarding.
        #expect(workbook.recordedContent == recorded && !recorded.isEmpty)
        #expect(throws: XLSXError.self) { try sheet.write("乙", row: 0, column: 0) }
        #expect(throws: XLSXError.self) { try workbook.close() }
        #expect(throws: XLSXError.self) { try workbook.discard() }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Many discarded workbooks in a row: a double free or a use after free in the library's
    /// free path would show as a crash here (valgrind cannot read this toolchain's DWARF).
    @Test func discardingManyWorkbooksOneAfterAnotherIsSafe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-discard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for n in 0..<200 {
            let workbook = try Workbook(path: folder.appendingPathComponent("\(n).xlsx").path)
            let sheet = try workbook.addWorksheet(named: "表\(n)")
            try sheet.write("值", row: 0, column: 0, style: CellStyle(bold: true))
            try sheet.freezePanes(row: 1, column: 0)
            try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 0)
            if n % 2 == 0 { try workbook.discard() } else { try workbook.close() }
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == (0..<200).filter { $0 % 2 == 1 }.map { "\($0).xlsx" }.sorted())
    }
}
