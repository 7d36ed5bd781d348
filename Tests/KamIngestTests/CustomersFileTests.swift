import Testing
@testable import KamIngest
@testable import KamPolicy

@Suite struct CustomersFileTests {
    func read(_ text: String) -> CustomersFile { CustomersFile.read(Array(text.utf8), settings: ReadSettings()) }

    @Test func keepsEveryFieldByCanonicalNameAndAbsentColumnsAsEmpty() {
        let f = read("客户编码,客户名称,统一社会信用代码,行业,客户经理,无关列\n00123, 华东化工 ,91310000X,化工,张三,x\n")
        #expect(f.check.isAccepted(maxBadRows: 0))
        let r = f.records.first
        #expect(r?.customerID == "00123")
        #expect(r?.customerName == "华东化工")
        #expect(r?.value("industry") == "化工")
        #expect(r?.value("account_manager") == "张三")
        #expect(r?.value("phone") == "")
        #expect(r?.fields.count == CustomerFileRecord.fieldNames.count)
    }

    @Test func invalidCreditCodeIsNotARowError() {
        let f = read("customer_id,customer_name,credit_code\nC1,甲,NOT-A-CODE\n")
        #expect(f.check.isAccepted(maxBadRows: 0))
        #expect(f.records.first?.creditCode == "NOT-A-CODE")
    }

    @Test func nameIsRequired() {
        let f = read("customer_id,customer_name\nC1,  \n")
        #expect(f.check.badRows == 1)
        #expect(f.check.diagnostics.first == Diagnostic(line: 2, column: "customer_name", value: "  ", reason: "客户名称为空"))
    }

    @Test func duplicateCustomerIsInvalidFromTheSecondRow() {
        let f = read("customer_id,customer_name\nC1,甲\nC1,甲二\n")
        #expect(f.check.badRows == 1)
        #expect(f.check.diagnostics.first?.line == 3)
        #expect(f.records.map(\.customerName) == ["甲"])
    }
}
