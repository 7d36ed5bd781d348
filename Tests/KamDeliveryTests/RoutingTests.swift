import KamConfig
import Testing
@testable import KamDelivery

/// SPEC §9's routing table, one test per scope. The organisation: chem (HG01, HG02), pharma (YY01).
@Suite struct RoutingTests {
    static func workbook(_ job: String, _ tier: String, owner: String, line: String) -> OutboxItem {
        OutboxItem(kind: .workbook, key: "workbook|\(job)|\(owner)", period: "2026Q3", subsidiary: tier == "subsidiary" ? owner : nil,
                   line: line, job: job, tier: tier, revision: 1, title: "\(job) \(owner)", file: "/r/\(owner)_\(job).xlsx")
    }
    static func notice(_ kind: OutboxItem.Kind, _ sub: String, line: String) -> OutboxItem {
        OutboxItem(kind: kind, key: "\(kind)|\(sub)", period: "2026Q3", subsidiary: sub, line: line, title: "\(kind) \(sub)")
    }

    static let all: [String: OutboxItem] = [
        "HG01 sales": workbook("sales-report", "subsidiary", owner: "HG01", line: "chem"),
        "HG01 credit": workbook("credit-report", "subsidiary", owner: "HG01", line: "chem"),
        "HG02 sales": workbook("sales-report", "subsidiary", owner: "HG02", line: "chem"),
        "YY01 sales": workbook("sales-report", "subsidiary", owner: "YY01", line: "pharma"),
        "chem summary": workbook("line-summary", "management", owner: "chem", line: "chem"),
        "pharma summary": workbook("line-summary", "management", owner: "pharma", line: "pharma"),
        "hq quarterly": workbook("hq-quarterly", "hq", owner: "集团", line: ""),
        "key-account review": workbook("key-account-review", "hq", owner: "集团", line: ""),
        "HG01 receipt": notice(.receipt, "HG01", line: "chem"),
        "HG02 receipt": notice(.receipt, "HG02", line: "chem"),
        "HG01 reminder": notice(.reminder, "HG01", line: "chem"),
        "YY01 reminder": notice(.reminder, "YY01", line: "pharma"),
        "HG01 missing": notice(.missing, "HG01", line: "chem"),
        "YY01 missing": notice(.missing, "YY01", line: "pharma"),
        "HG02 late": notice(.late, "HG02", line: "chem"),
        "YY01 late": notice(.late, "YY01", line: "pharma"),
        "failure": OutboxItem(kind: .failure, key: "failure|1", period: "2026Q3", title: "credit-report HG01 failed"),
    ]

    func received(by scope: RecipientScope) -> Set<String> {
        Set(Self.all.filter { Routing.receives(scope, $0.value) }.keys)
    }

    @Test func aSubsidiaryGetsItsOwnWorkbooksReceiptsRemindersAndMissingNoticesAndNothingOfAnother() {
        #expect(received(by: .subsidiary("HG01")) == ["HG01 sales", "HG01 credit", "HG01 receipt", "HG01 reminder", "HG01 missing"])
        #expect(received(by: .subsidiary("YY01")) == ["YY01 sales", "YY01 reminder", "YY01 missing"])
    }

    @Test func managementOfALineGetsItsLinesSummaryItsSubsidiariesWorkbooksAndTheirNotices() {
        #expect(received(by: .management("chem")) == ["HG01 sales", "HG01 credit", "HG02 sales", "chem summary", "HG01 missing", "HG02 late"])
        #expect(received(by: .management("pharma")) == ["YY01 sales", "pharma summary", "YY01 missing", "YY01 late"])
    }

    @Test func managementWithoutALineGetsEveryLine() {
        #expect(received(by: .management(nil)) == ["HG01 sales", "HG01 credit", "HG02 sales", "YY01 sales", "chem summary",
                                                   "pharma summary", "HG01 missing", "YY01 missing", "HG02 late", "YY01 late"])
    }

    @Test func hqGetsTheGroupsConsolidationsAndTheDigestOfMissingAndLate() {
        #expect(received(by: .hq) == ["chem summary", "pharma summary", "hq quarterly", "key-account review",
                                      "HG01 missing", "YY01 missing", "HG02 late", "YY01 late"])
    }

    @Test func theOperatorGetsFailuresOnly() {
        #expect(received(by: .operator) == ["failure"])
    }

    @Test func recipientsKeepConfigOrder() {
        let rs = [Recipient(name: "hq", scope: .hq, emails: ["a@b.cn"]), Recipient(name: "chem", scope: .management("chem"), emails: ["c@b.cn"]),
                  Recipient(name: "HG02", scope: .subsidiary("HG02"), emails: ["d@b.cn"])]
        #expect(Routing.recipients(of: Self.all["chem summary"]!, among: rs).map(\.name) == ["hq", "chem"])
        #expect(Routing.recipients(of: Self.all["HG01 sales"]!, among: rs).map(\.name) == ["chem"])
    }

    @Test func anOutboxFolderCarriesFilesNotNotices() {
        #expect(Channel.outbox.carries(.workbook) && Channel.outbox.carries(.receipt))
        #expect(!Channel.outbox.carries(.reminder) && !Channel.outbox.carries(.failure))
        #expect(Channel.email.carries(.missing) && Channel.webhook.carries(.failure))
    }
}
