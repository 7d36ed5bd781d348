import Foundation
import Testing
@testable import KamIngest
@testable import KamPolicy

@Suite struct ReceiptTests {
    func receipt(_ text: String, name: String = "sales_2026-09.csv", maxBadRows: Int = 0) -> Receipt {
        let file = CheckedFile.read(Array(text.utf8), fileName: name, settings: ReadSettings())
        return Receipt(subsidiary: "YY01", fileName: name, sha256: "abc", receivedAt: "2026-10-01 08:00",
                       accepted: file.isAccepted(maxBadRows: maxBadRows), file: file)
    }

    @Test func acceptedSalesReceiptHasTotalsInYuanAndIsBOMAndCRLF() {
        let r = receipt("date,customer_id,customer_name,amount,cost\n2026-09-01,C1,甲,\"1,000.05\",(3)\n2026-09-02,C2,乙,-0.5,\n")
        let bytes = r.csvBytes
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "项目,内容\r\n状态,接受\r\n分公司,YY01\r\n文件,sales_2026-09.csv\r\n类型,sales 销售明细\r\n期间,2026-09\r\n"
                + "编码,utf-8\r\n有效行数,2\r\n错误行数,0\r\n金额合计(元),999.55\r\n成本合计(元),-3.00\r\nSHA-256,abc\r\n"
                + "接收时间,2026-10-01 08:00\r\n错误总数,0\r\n\r\n")
        #expect(r.summaryLine == "YY01/sales_2026-09.csv: 接受 2行, 错误行0, 金额 999.55")
    }

    @Test func errorsAreListedWithFormulaLookingValuesMadeInert() {
        let r = receipt("date,customer_id,customer_name,amount\n2026-09-01,C1,\"=HYPERLINK(\"\"x\"\")\",@SUM(1)\n2026-09-01,+C1,甲,\"-1,0\"\n")
        #expect(!r.accepted)
        let text = String(decoding: r.csvBytes.dropFirst(3), as: UTF8.self)
        #expect(text.contains("行号,列,值,原因\r\n2,amount,'@SUM(1),\"金额格式无效(允许千分位逗号、¥/￥、负号或括号, 最多两位小数)\"\r\n"))
        #expect(text.contains("\r\n3,amount,\"'-1,0\","))
        #expect(!text.contains(",=") && !text.contains(",+") && !text.contains(",-1"))
    }

    @Test func moreThanAThousandErrorsAreCappedAndCounted() {
        var text = "date,customer_id,customer_name,amount\n"
        for _ in 0..<1_200 { text += "bad,C1,x,1\n" }
        let r = receipt(text)
        let csv = String(decoding: r.csvBytes, as: UTF8.self)
        #expect(csv.contains("错误总数,1200\r\n"))
        #expect(csv.contains("仅列出前1000条错误, 共1200条"))
        #expect(csv.components(separatedBy: "\r\n").filter { $0.contains(",date,bad,") }.count == 1000)
    }

    @Test func headerOnlyWarnsAndBadNamesSayWhy() {
        let h = receipt("customer_id,customer_name\n", name: "customers_2026Q3.csv")
        #expect(h.accepted)
        #expect(String(decoding: h.csvBytes, as: UTF8.self).contains("警告,文件只有表头, 没有数据行") == false)
        #expect(String(decoding: h.csvBytes, as: UTF8.self).contains("警告,\"文件只有表头, 没有数据行\"\r\n"))
        let n = receipt("x\n", name: "orders_2026Q3.csv")
        #expect(!n.accepted)
        #expect(String(decoding: n.csvBytes, as: UTF8.self).contains("类型,-\r\n期间,-\r\n"))
    }

    /// SPEC §8: each receipt's name carries its received time, so a later file of the same name
    /// never overwrites it; the xlsx receipt sits beside the CSV; a name near NAME_MAX still fits
    /// with the longer of the two suffixes.
    @Test func receiptNamesCarryTheReceivedTime() throws {
        let at = try #require(LocalDateTime(parsing: "2026-10-03T09:05"))
        #expect(Receipt.stamp(of: at, second: 7) == "20261003-090507")
        #expect(Receipt.fileName(for: "sales_2026-09.csv", received: "20261003-090507")
                == "sales_2026-09.csv.20261003-090507.receipt.csv")
        #expect(Receipt.fileName(for: "sales_2026-09.csv", received: "20261003-090507", attempt: 2)
                == "sales_2026-09.csv.20261003-090507-2.receipt.csv")
        #expect(Receipt.workbookPath(ofCSV: "HG01/receipts/a.csv.20261003-090507.receipt.csv")
                == "HG01/receipts/a.csv.20261003-090507.receipt.xlsx")
        let long = "sales_2026Q3_" + String(repeating: "长", count: 77) + ".csv"
        let name = Receipt.fileName(for: long, received: "20261003-090507", attempt: 12)
        #expect(name.hasPrefix("sales_2026Q3_长") && name.hasSuffix("~\(SHA256.hex(Array(long.utf8)).prefix(8)).20261003-090507-12.receipt.csv"))
        #expect(Receipt.workbookPath(ofCSV: name).utf8.count <= 255)
        #expect(Receipt.workbookPath(ofCSV: name).utf8.count >= 250, "cut no shorter than it has to be")
    }

    /// The CSV and the xlsx show the same facts: the CSV's rows are the facts, encoded.
    @Test func theCSVRowsAreTheFacts() {
        let r = receipt("date,customer_id,customer_name,amount\n2026-09-01,C1,甲,1\n", name: "=sales_2026-09.csv")
        #expect(r.rows.dropFirst().prefix(r.facts.count).map { $0[0] } == r.facts.map(\.label))
        #expect(r.facts.first { $0.label == "文件" }?.value == "=sales_2026-09.csv")
        #expect(r.rows.contains(["文件", "'=sales_2026-09.csv"]))
    }

    /// Receipts write fen without separators (Excel reads the cell as a number).
    @Test func yuanFormatting() {
        #expect(YuanText.of(0, grouped: false) == "0.00")
        #expect(YuanText.of(5, grouped: false) == "0.05")
        #expect(YuanText.of(-123_456, grouped: false) == "-1234.56")
        #expect(YuanText.of(Int64.min, grouped: false) == "-92233720368547758.08")
    }
}
