import Testing
@testable import KamIngest
@testable import KamPolicy

@Suite struct SalesFileTests {
    let september = Period.month(YearMonth(year: 2026, month: 9))

    func read(_ text: [UInt8], settings: ReadSettings = ReadSettings()) -> SalesFile {
        SalesFile.read(text, period: september, settings: settings)
    }

    func read(_ text: String, settings: ReadSettings = ReadSettings()) -> SalesFile { read(Array(text.utf8), settings: settings) }

    @Test func aggregatesPerCustomerAndMonthWithExactTotals() {
        let f = read("date,customer_id,customer_name,amount,cost\n2026-09-01,00123,甲,\"1,000.10\",500\n2026-09-02,00123,甲新,-0.10,\n2026-09-03,7,乙,0,0\n")
        #expect(f.check.isAccepted(maxBadRows: 0))
        #expect(f.check.acceptedRows == 3)
        #expect(f.amountTotal == 100_000)
        #expect(f.costTotal == 50_000)
        let a = f.months[SalesFile.Key(customerID: "00123", month: YearMonth(year: 2026, month: 9))]
        #expect(a?.sales == 100_000 && a?.lines == 2 && a?.nonZeroLines == 2 && a?.latestName == "甲新")
        #expect(f.months[SalesFile.Key(customerID: "7", month: YearMonth(year: 2026, month: 9))]?.nonZeroLines == 0)
        #expect(f.hasCostColumn)
    }

    @Test func readsGB18030WithChineseHeadersAndCRLF() {
        let bytes = GB18030.encode("日期,客户编码,客户名称,金额\r\n2026/9/30,C1,华东化工,\"1,234.50\"\r\n")
        let f = read(bytes)
        #expect(f.check.encoding == .gb18030)
        #expect(f.check.isAccepted(maxBadRows: 0))
        #expect(f.months.first?.value.latestName == "华东化工")
        #expect(f.amountTotal == 123_450)
        #expect(!f.hasCostColumn)
    }

    @Test func bomWinsAndSemicolonsAreSniffed() {
        let f = read([0xEF, 0xBB, 0xBF] + Array("Date;Customer_ID;CUSTOMER_NAME;Amount\n20260930;C1;\"a;b\";5\n".utf8),
                     settings: ReadSettings(encoding: .gb18030))
        #expect(f.check.encoding == .utf8BOM)
        #expect(f.months.first?.value.latestName == "a;b")
    }

    @Test func columnAliasFromConfig() {
        let f = read("日期,客户编码,客户名称,含税金额\n2026-09-30,C1,x,10\n", settings: ReadSettings(columnAliases: ["amount": "含税金额"]))
        #expect(f.check.isAccepted(maxBadRows: 0))
        #expect(f.amountTotal == 1000)
    }

    @Test func everyBadRowIsReportedAndTheFileRejected() {
        let f = read("date,customer_id,customer_name,amount\n2026-08-31,C1,x,1\n2026-09-01,1.23E+17,y,2\n2026-09-02,C3,,3\n2026-09-03,C4,z,1.234\n2026-09-04,C5,w\n2026-09-05,C6,v,7\n")
        #expect(!f.check.isAccepted(maxBadRows: 0))
        #expect(f.check.badRows == 5)
        #expect(f.check.diagnostics.map(\.line) == [2, 3, 4, 5, 6])
        #expect(f.check.diagnostics[0].reason.contains("期间"))
        #expect(f.check.diagnostics[1].value == "1.23E+17")
        #expect(f.check.diagnostics[1].column == "customer_id")
        #expect(f.check.isAccepted(maxBadRows: 5))
        #expect(f.amountTotal == 700)  // totals exclude bad rows
    }

    @Test func wholeFileProblems() {
        #expect(read("").check.fileRejected)
        #expect(read([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]).check.fileRejected)
        #expect(read("date,customer_id,amount\n").check.diagnostics.first?.reason.contains("customer_name") == true)
        #expect(read("date,date,customer_id,customer_name,amount\n").check.diagnostics.first?.reason == "表头重复")
        #expect(read("date,日期,customer_id,customer_name,amount\n").check.fileRejected)
        #expect(read("date,customer_id,customer_name,amount\n2026-09-01,C1,\"open,1\n").check.fileRejected)
        let headerOnly = read("date,customer_id,customer_name,amount\r\n")
        #expect(headerOnly.check.isAccepted(maxBadRows: 0))
        #expect(!headerOnly.check.warnings.isEmpty)
    }

    @Test func emptyRecordsAreSkippedAndQuotedNewlinesKept() {
        let f = read("date,customer_id,customer_name,amount\n\n,,,\n2026-09-01,C1,\"两行\n名称\",1\n\n")
        #expect(f.check.acceptedRows == 1)
        #expect(f.months.first?.value.latestName == "两行\n名称")
    }
}
