import Testing
@testable import KamIngest
@testable import KamPolicy

@Suite struct ReceivablesFileTests {
    func read(_ text: String, settings: ReadSettings = ReadSettings()) -> ReceivablesFile {
        ReceivablesFile.read(Array(text.utf8), settings: settings)
    }

    @Test func readsRecordsInFileOrderWithTotals() {
        let f = read("客户编码,应收余额,逾期金额,本期回款,付款方式\n00123,\"1,000.50\",(20),¥300, 月结30 \nC2,0,0,-5.5,\n")
        #expect(f.check.isAccepted(maxBadRows: 0))
        #expect(f.records == [ReceivableRecord(customerID: "00123", receivable: 100_050, overdue: -2_000, collected: 30_000, paymentTerms: "月结30"),
                              ReceivableRecord(customerID: "C2", receivable: 0, overdue: 0, collected: -550, paymentTerms: "")])
        #expect(f.totals.map(\.fen) == [100_050, -2_000, 29_450])
    }

    @Test func paymentTermsColumnIsOptional() {
        let f = read("customer_id,receivable,overdue,collected\nC1,1,2,3\n")
        #expect(f.check.isAccepted(maxBadRows: 0))
        #expect(f.records.first?.paymentTerms == "")
    }

    @Test func requiredMoneyMayNotBeEmptyOrMalformed() {
        let f = read("customer_id,receivable,overdue,collected\nC1,,2,3\nC2,1,2.345,3\nC3,1,2,1,5\n")
        #expect(f.check.badRows == 3)
        #expect(f.check.diagnostics.map(\.line) == [2, 3, 4])
        #expect(f.check.diagnostics[0].column == "receivable" && f.check.diagnostics[0].reason == "金额为空")
        #expect(f.check.diagnostics[1].column == "overdue" && f.check.diagnostics[1].value == "2.345")
        #expect(f.records.isEmpty)
    }

    @Test func secondAndLaterRowsOfTheSameCustomerAreInvalid() {
        let f = read("customer_id,receivable,overdue,collected\nC1,1,0,0\nC2,2,0,0\n C1 ,3,0,0\nC1,4,0,0\n")
        #expect(!f.check.isAccepted(maxBadRows: 0))
        #expect(f.check.badRows == 2)
        #expect(f.check.diagnostics.map(\.line) == [4, 5])
        #expect(f.check.diagnostics.allSatisfy { $0.column == "customer_id" && $0.reason.contains("第2行") })
        #expect(f.check.isAccepted(maxBadRows: 2))
        #expect(f.records.map(\.customerID) == ["C1", "C2"])
        #expect(f.totals.first?.fen == 300)
    }

    @Test func mangledCustomerIDIsARowError() {
        let f = read("customer_id,receivable,overdue,collected\n1.23E+17,1,0,0\n1234567890123450000,1,0,0\n")
        #expect(f.check.badRows == 2)
        #expect(f.check.diagnostics.map(\.value) == ["1.23E+17", "1234567890123450000"])
    }
}
