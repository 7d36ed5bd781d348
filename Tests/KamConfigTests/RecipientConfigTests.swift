import Foundation
import Testing
@testable import KamConfig

/// `recipients` and `delivery` (SPEC §9) are checked at load: every refusal names file, line and key.
@Suite struct RecipientConfigTests {
    static let file = URL(fileURLWithPath: "/srv/kam/config/kam.yaml")
    static let minimal = KamConfigurationTests.minimal

    func error(_ yaml: String) -> ConfigError? {
        do {
            _ = try KamConfiguration.parse(yaml: yaml, file: Self.file)
            return nil
        } catch {
            return error
        }
    }

    @Test func noRecipientsMeansNothingIsSent() throws {
        let c = try KamConfiguration.parse(yaml: Self.minimal, file: Self.file)
        #expect(c.recipients.isEmpty)
        #expect(c.delivery == DeliverySettings())
        #expect(c.delivery.mailCommand == "/usr/sbin/sendmail -t -oi")
        #expect(c.delivery.retryMinutes == [5, 30, 120, 720])
    }

    @Test func everyScopeAndChannelIsRead() throws {
        let yaml = Self.minimal + "\n" + """
            recipients:
              - name: 华东化工销售部
                scope: subsidiary:HG01
                email: [sales@hg01.example.cn, boss@hg01.example.cn]
                outbox: ../share/HG01
                webhook: {url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", format: wecom, timeout_seconds: 3}
              - {name: 化工总管理部, scope: "management:chem", email: mgmt@example.cn}
              - {name: 总管理部, scope: management, email: [all@example.cn]}
              - {name: 集团总管理处, scope: hq, webhook: {url: "http://127.0.0.1:9/robot/send", format: dingtalk}}
              - {name: 运维, scope: operator, email: [ops@example.cn]}
            delivery:
              mail_command: "/usr/bin/msmtp -t"
              from: "kam <kam@example.cn>"
              max_attachments_mb: 5
              remind_days: [1, 3, 7]
              retry_minutes: [1, 2]
            """
        let c = try KamConfiguration.parse(yaml: yaml, file: Self.file)
        #expect(c.recipients.map(\.scope) == [.subsidiary("HG01"), .management("chem"), .management(nil), .hq, .operator])
        #expect(c.recipients[0].emails == ["sales@hg01.example.cn", "boss@hg01.example.cn"])
        #expect(c.recipients[0].outbox?.path == "/srv/kam/share/HG01")
        #expect(c.recipients[0].webhook?.format == .wecom)
        #expect(c.recipients[0].webhook?.timeoutSeconds == 3)
        #expect(c.recipients[1].emails == ["mgmt@example.cn"])
        #expect(c.recipients[3].webhook?.format == .dingtalk)
        #expect(c.delivery.mailCommand == "/usr/bin/msmtp -t")
        #expect(c.delivery.maxAttachmentsMB == 5)
        #expect(c.delivery.remindDays == [7, 3, 1])
        #expect(c.delivery.retryMinutes == [1, 2])
    }

    @Test(arguments: [
        ("recipients:\n  - {name: x, scope: region:east, email: a@b.cn}", "recipients[0].scope", "unknown scope `region:east`"),
        ("recipients:\n  - {name: x, scope: everyone, email: a@b.cn}", "recipients[0].scope", "unknown scope `everyone`"),
        ("recipients:\n  - {name: x, scope: subsidiary:HG99, email: a@b.cn}", "recipients[0].scope", "unknown subsidiary `HG99`"),
        ("recipients:\n  - {name: x, scope: management:metals, email: a@b.cn}", "recipients[0].scope", "unknown business line `metals`"),
        ("recipients:\n  - {name: x, scope: hq, email: [sales.hg01.example.cn]}", "recipients[0].email[0]", "is not a mail address"),
        ("recipients:\n  - {name: x, scope: hq, email: \"a@b.cn, c@d.cn\"}", "recipients[0].email", "is not a mail address"),
        ("recipients:\n  - {name: x, scope: hq, email: [\"a@b.cn>\\r\\nBcc: c@d.cn\"]}", "recipients[0].email[0]", "is not a mail address"),
        ("recipients:\n  - {name: x, scope: hq, webhook: {url: \"ftp://bot.example.cn/x\", format: wecom}}", "recipients[0].webhook.url", "is not an http(s) URL"),
        ("recipients:\n  - {name: x, scope: hq, webhook: {url: \"not a url\", format: wecom}}", "recipients[0].webhook.url", "is not an http(s) URL"),
        ("recipients:\n  - {name: x, scope: hq, webhook: {url: \"https://a.cn/x\", format: slack}}", "recipients[0].webhook.format", "wecom (企业微信) or dingtalk"),
        ("recipients:\n  - {name: x, scope: hq, webhook: {url: \"https://a.cn/x\", format: wecom, secret: 1}}", "recipients[0].webhook.secret", "unknown key"),
        ("recipients:\n  - {name: x, scope: hq, e_mail: a@b.cn}", "recipients[0].e_mail", "unknown key"),
        ("recipients:\n  - {name: x, scope: hq}", "recipients[0]", "has no channel"),
        ("recipients:\n  - {scope: hq, email: a@b.cn}", "recipients[0]", "needs name and scope"),
        ("recipients:\n  - {name: x, scope: hq, email: a@b.cn}\n  - {name: x, scope: operator, email: c@b.cn}", "recipients[1].name", "duplicate recipient name"),
        ("delivery: {from: \"kam <not-an-address>\"}", "delivery.from", "is not a sender address"),
        ("delivery: {mail_command: \"\"}", "delivery.mail_command", "must not be empty"),
        ("delivery: {max_attachments_mb: 0}", "delivery.max_attachments_mb", "between 1 and 1000"),
        ("delivery: {remind_days: [3, 3]}", "delivery.remind_days[1]", "given twice"),
        ("delivery: {retry_minutes: [5, soon]}", "delivery.retry_minutes[1]", "whole number"),
        ("delivery: {retry: [5]}", "delivery.retry", "unknown key"),
    ])
    func badRecipientConfigIsRefusedWithFileLineAndKey(yaml: String, key: String, message: String) {
        let e = error(Self.minimal + "\n" + yaml)
        #expect(e?.key == key, "\(String(describing: e))")
        #expect(e?.message.contains(message) == true, "\(String(describing: e))")
        #expect(e?.file == Self.file.path)
        #expect((e?.line ?? 0) >= 12, "\(String(describing: e))")
    }

    @Test func anOutboxThatIsAFileIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("share"))
        let file = folder.appendingPathComponent("kam.yaml")
        let yaml = Self.minimal + "\nrecipients:\n  - {name: x, scope: hq, outbox: share}"
        do {
            _ = try KamConfiguration.parse(yaml: yaml, file: file)
            Issue.record("an outbox that is a file was accepted")
        } catch {
            #expect(error.key == "recipients[0].outbox")
            #expect(error.line == 13)
            #expect(error.message.contains("exists but is not a folder"), "\(error)")
        }
        // A folder that does not exist yet is fine: kam creates it when it first copies.
        let ok = try KamConfiguration.parse(yaml: Self.minimal + "\nrecipients:\n  - {name: x, scope: hq, outbox: later}", file: file)
        #expect(ok.recipients[0].outbox?.lastPathComponent == "later")
    }

    @Test func addressesAreCheckedNarrowly() {
        #expect(MailAddress.isValid("sales@hg01.example.cn"))
        #expect(MailAddress.isValid("a.b+c@localhost"))
        #expect(!MailAddress.isValid("a@b@c"))
        #expect(!MailAddress.isValid("a b@c.cn"))
        #expect(!MailAddress.isValid("张三@c.cn"))
        #expect(!MailAddress.isValid("a@-c.cn"))
        #expect(MailAddress.address(in: "kam <kam@example.cn>") == "kam@example.cn")
    }
}
