import Testing
@testable import KamIngest
@testable import KamPolicy

@Suite struct ApprovalsFileTests {
    func read(_ text: String) -> ApprovalsFile { ApprovalsFile.read(Array(text.utf8), settings: ReadSettings()) }

    @Test func readsLimitsAndTotal() {
        let f = read("客户编码,核定额度,审批人\nC1,\"1,290,000.00\",总经理\nC2,￥0,\n")
        #expect(f.check.isAccepted(maxBadRows: 0))
        #expect(f.records == [ApprovalRecord(customerID: "C1", approvedLimit: 129_000_000, approvedBy: "总经理"),
                              ApprovalRecord(customerID: "C2", approvedLimit: 0)])
        #expect(f.totals.first?.fen == 129_000_000)
    }

    @Test func limitIsRequiredAndDuplicatesInvalid() {
        let f = read("customer_id,approved_limit\nC1,\nC2,1\nC2,2\n")
        #expect(f.check.badRows == 2)
        #expect(f.check.diagnostics.map(\.line) == [2, 4])
        #expect(f.check.diagnostics[0].reason == "金额为空")
    }
}
