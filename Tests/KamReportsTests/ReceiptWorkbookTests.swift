import Foundation
import KamIngest
import Testing
@testable import KamReports

/// The xlsx receipt (SPEC §8) read back by openpyxl: text from the file stays text (an id keeps
/// its zeros, a formula-looking value is a string, never a formula), an accepted file's receipt
/// has no error sheet, and the error sheet is a filtered table.
@Suite struct ReceiptWorkbookTests {
    func receipt(_ text: String, name: String) -> Receipt {
        let file = CheckedFile.read(Array(text.utf8), fileName: name, settings: ReadSettings())
        return Receipt(subsidiary: "HG02", fileName: name, sha256: "ab12", receivedAt: "2026-10-03 10:00",
                       accepted: file.isAccepted(maxBadRows: 0), file: file)
    }

    @Test func valuesFromTheFileStayTextAndAnAcceptedFileHasNoErrorSheet() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kam-receipt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rejected = receipt("customer_id,receivable,overdue,collected\n001000,=HYPERLINK(\"x\"),0,0\n001000,1,0,0\n",
                               name: "receivables_2026Q3.csv")
        #expect(!rejected.accepted)
        try ReceiptWorkbook.write(rejected, to: dir.appendingPathComponent("rejected.xlsx").path)
        let accepted = receipt("customer_id,receivable,overdue,collected\n001000,1.50,0,0\n", name: "receivables_2026Q3.csv")
        try ReceiptWorkbook.write(accepted, to: dir.appendingPathComponent("accepted.xlsx").path)

        let check = try PythonChecker.run(script: """
            import openpyxl, sys
            d = sys.argv[1]
            wb = openpyxl.load_workbook(d + "/rejected.xlsx")
            rows = list(wb["错误明细"].iter_rows(min_row=2))
            values = [(r[1].value, r[2].value, r[2].data_type, r[2].number_format) for r in rows]
            assert ("receivable", '=HYPERLINK("x")', "s", "@") in values, values
            assert any(v[1] == "001000" and v[2] == "s" for v in values), values
            ok = openpyxl.load_workbook(d + "/accepted.xlsx")
            assert ok.sheetnames == ["回执"], ok.sheetnames
            facts = {r[0].value: r[1].value for r in ok["回执"].iter_rows(min_row=2)}
            assert facts["状态"] == "接受" and facts["分公司"] == "HG02" and facts["应收余额合计(元)"] == "1.50", facts
            assert ok.properties.title == "报送回执 receivables_2026Q3.csv", ok.properties.title
            print("ok")
            """, on: dir)
        #expect(check.status == 0 && check.output.contains("ok"), "\(check.output)")
    }
}
