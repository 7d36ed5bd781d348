import Foundation
import Testing

/// SPEC §9 end to end: `kam run` mails each recipient what the routing table gives them through
/// msmtp to a real SMTP server on 127.0.0.1, copies workbooks to outbox folders, and keeps the
/// outbox ledger; what arrived is read back with Python's email package.
@Suite(.serialized) struct MailDeliveryEndToEndTests {
    struct Workspace {
        let root: URL
        let config: String
        let mail: URL
        let outbox: URL
    }

    /// The `small` fixture with three recipients: YY01's sales department (mail and an outbox
    /// folder), HQ and the operator; mail through msmtp to `port`.
    static func workspace(port: Int, retry: String = "[5, 30]") throws -> Workspace {
        let ws = try KamBinary.workspace("small")
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("share"), withIntermediateDirectories: true)
        let mail = ws.appendingPathComponent("mail")
        try FileManager.default.createDirectory(at: mail, withIntermediateDirectories: true)
        let rc = try SMTPSink.msmtprc(in: ws, port: port)
        let config = ws.appendingPathComponent("config/kam.yaml")
        var text = try String(contentsOf: config, encoding: .utf8)
        text += """

            recipients:
              - name: 华北医药销售部
                scope: subsidiary:YY01
                email: [sales@yy01.example.cn]
                outbox: ../share/YY01
              - {name: 集团总管理处, scope: hq, email: [hq@example.cn]}
              - {name: 运维, scope: operator, email: [ops@example.cn]}
            delivery:
              mail_command: "/usr/bin/msmtp -C \(rc.path) -t"
              from: "kam 报表系统 <kam@example.cn>"
              retry_minutes: \(retry)

            """
        try text.write(to: config, atomically: true, encoding: .utf8)
        return Workspace(root: ws, config: config.path, mail: mail, outbox: ws.appendingPathComponent("share/YY01"))
    }

    static func sha256(_ url: URL) throws -> String {
        let r = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [url.path])
        return String(r.stdout.prefix(64))
    }

    @Test func eachRecipientGetsOneMessageWithItsWorkbooksAndTheOutboxFolderACopy() throws {
        let free = try SMTPSink(folder: FileManager.default.temporaryDirectory.appendingPathComponent("kam-mail-\(UUID().uuidString)"))
        let ws = try Self.workspace(port: free.port)
        free.stop()
        defer { try? FileManager.default.removeItem(at: ws.root); try? FileManager.default.removeItem(at: free.folder) }
        let sink = try SMTPSink(folder: ws.mail, port: free.port)
        defer { sink.stop() }

        let run = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-06T07:00")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("messages: "), "\(run.stdout)")
        let mails = try sink.mails()
        // One message per recipient per run: YY01 (workbooks, receipts), HQ (未报送/逾期 digest).
        #expect(mails.count == 2, "\(mails.map(\.subject))")
        let yy = try #require(mails.first { $0.rcpt == ["sales@yy01.example.cn"] })
        #expect(yy.defects.isEmpty, "\(yy.defects)")
        // A catch-up run from `since`: one message, named after the newest period's workbook;
        // flagged, since YY01's July sales were rejected and it never sent receivables.
        #expect(yy.subject == "[kam] 2026Q4 资信额度申请表 等23份报表 [数据不完整]", "\(yy.subject)")
        // Each workbook is flagged from its own 数据不完整 banner list (SPEC §9), a subsidiary's
        // own workbooks included: the credit report without Q3's receivables, the Q3 sales report
        // without July.
        let title = try #require(yy.body.range(of: "YY01 测试医药有限公司 2026Q3 客户资信报表\n"), "\(yy.body)")
        let credit = yy.body[title.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("   ") }.joined(separator: "\n")
        #expect(credit.contains("【数据不完整】") && credit.contains("缺少数据：YY01 应收账款 2026Q3"), "\(yy.body)")
        let q3 = try #require(yy.body.range(of: "YY01 测试医药有限公司 2026Q3 客户销售报表\n"), "\(yy.body)")
        let sales = yy.body[q3.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("   ") }.joined(separator: "\n")
        #expect(sales.contains("【数据不完整】") && sales.contains("缺少数据：") && sales.contains("YY01 销售明细 2026-07"), "\(sales)")
        #expect(yy.raw_subject.hasPrefix("=?UTF-8?B?"), "RFC 2047: \(yy.raw_subject)")
        #expect(yy.from.contains("kam 报表系统") && yy.from.contains("<kam@example.cn>"), "\(yy.from)")
        #expect(yy.message_id.hasSuffix("@example.cn>"), "\(yy.message_id)")
        #expect(yy.body.contains("华北医药销售部：") && yy.body.contains("一、报表"), "\(yy.body)")
        #expect(yy.body.contains("报送回执"))
        // Every YY01 workbook of the run attached under its own (Chinese) name, the bytes delivered.
        let delivered = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("2026") && $0.contains("/subsidiary/YY01_") }
        #expect(!delivered.isEmpty, "\(run.stdout)")
        for path in delivered {
            let url = ws.root.appendingPathComponent("reports").appendingPathComponent(path)
            let attached = try #require(yy.attachments.first { $0.name == url.lastPathComponent }, "\(path) not attached: \(yy.attachments.map(\.name))")
            #expect(attached.sha256 == (try Self.sha256(url)))
            #expect(attached.type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let copy = ws.outbox.appendingPathComponent(url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent)
                .appendingPathComponent(url.lastPathComponent)
            #expect(try Self.sha256(copy) == attached.sha256, "outbox copy \(copy.path)")
        }
        // The xlsx receipts (ids stay text in Excel).
        #expect(yy.attachments.contains { $0.name.hasSuffix(".receipt.xlsx") }, "receipts attached: \(yy.attachments.map(\.name))")
        // Nothing of another subsidiary reaches YY01.
        #expect(!yy.attachments.contains { $0.name.contains("HG01") })
        let hq = try #require(mails.first { $0.rcpt == ["hq@example.cn"] })
        #expect(hq.subject == "[kam] 2026Q2 客户档案及拜访分析 等14份报表 [数据不完整]", "\(hq.subject)")
        #expect(hq.body.contains("未报送：HG01"), "\(hq.body)")
        #expect(hq.body.contains("【数据不完整】"), "\(hq.body)")
        // HQ gets the consolidations only, never a subsidiary's workbook.
        #expect(hq.attachments.allSatisfy { $0.name.contains("汇总分析表") || $0.name.contains("客户档案及拜访分析") }, "\(hq.attachments.map(\.name))")
        #expect(hq.attachments.contains { $0.name == "集团_2026Q2_客户档案及拜访分析.xlsx" })

        // The ledger says sent, and a second run sends nothing again.
        let outbox = try KamBinary.kam("outbox", "--config", ws.config, "--as-of", "2026-10-06T07:01")
        #expect(outbox.status == 0, "\(outbox.stderr)")
        #expect(outbox.stdout.contains("sent  华北医药销售部  email"), "\(outbox.stdout)")
        #expect(outbox.stdout.contains("sent  华北医药销售部  outbox"), "\(outbox.stdout)")
        #expect(!outbox.stdout.contains("queued  ") && !outbox.stdout.contains("failed  "), "\(outbox.stdout)")
        #expect(try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-06T08:00").status == 0)
        #expect(try sink.mails().count == 2)

        // A corrected file (one amount, 300.00 → 350.00: a figure a reader sees changes): a new
        // revision, mailed as 第2版, the earlier outbox copy moved to superseded/.
        let drop = ws.root.appendingPathComponent("drop/YY01")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/small/drop/YY01/sales_2026-09.csv")
        var corrected = try Data(contentsOf: source)
        let amount = try #require(corrected.range(of: Data("300.00".utf8)))
        corrected.replaceSubrange(amount, with: Data("350.00".utf8))
        try corrected.write(to: drop.appendingPathComponent("sales_2026-09_更正.csv"))
        let rerun = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-09T09:00")
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        #expect(rerun.stdout.contains("(revision 2)"), "\(rerun.stdout)")
        let revised = try sink.mails().filter { $0.rcpt == ["sales@yy01.example.cn"] }.last
        #expect(revised?.subject.contains("(第2版)") == true, "\(String(describing: revised?.subject))")
        let aside = ws.outbox.appendingPathComponent("2026-09/superseded/YY01_2026-09_客户销售报表_r1.xlsx")
        #expect(FileManager.default.fileExists(atPath: aside.path), "\(aside.path)")

        // kam resend sends one period again.
        let resend = try KamBinary.kam("resend", "--config", ws.config, "--as-of", "2026-10-09T10:00", "--recipient", "华北医药销售部", "--period", "2026-09")
        #expect(resend.status == 0, "\(resend.stdout)\(resend.stderr)")
        #expect(resend.stdout.contains("sent: "), "\(resend.stdout)")
        let unknown = try KamBinary.kam("resend", "--config", ws.config, "--recipient", "nobody")
        #expect(unknown.status == 2 && unknown.stderr.contains("no recipient named `nobody`"), "\(unknown.stderr)")
    }

    @Test func aRelayThatIsDownIsRetriedAtRetryMinutesThenReported() throws {
        // A port nobody listens on: msmtp exits non-zero ("cannot connect").
        let probe = try SMTPSink(folder: FileManager.default.temporaryDirectory.appendingPathComponent("kam-mail-\(UUID().uuidString)"))
        let port = probe.port
        probe.stop()
        try? FileManager.default.removeItem(at: probe.folder)
        let ws = try Self.workspace(port: port, retry: "[5, 30]")
        defer { try? FileManager.default.removeItem(at: ws.root) }

        let first = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-06T07:00")
        #expect(first.status == 0, "sending never fails a run: \(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("delivered: "), "\(first.stdout)")
        #expect(first.stdout.contains("failed (retried later)"), "\(first.stdout)")
        let failed = try KamBinary.kam("outbox", "--config", ws.config, "--failed", "--as-of", "2026-10-06T07:01")
        #expect(failed.stdout.contains("failed  华北医药销售部  email"), "\(failed.stdout)")
        #expect(failed.stdout.contains("next try 2026-10-06 07:05"), "\(failed.stdout)")
        #expect(failed.stdout.contains("error: mail command"), "\(failed.stdout)")
        #expect(failed.stdout.contains("msmtp"), "\(failed.stdout)")
        // The outbox folder needs no relay: its copies went.
        #expect(!failed.stdout.contains("华北医药销售部  outbox"), "\(failed.stdout)")
        let status = try KamBinary.kam("status", "--config", ws.config, "--as-of", "2026-10-06T07:01")
        #expect(status.stdout.contains("undelivered messages (kam outbox --failed): "), "\(status.stdout)")

        // Not before its time; then, with the relay back, sent once.
        _ = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-06T07:03")
        #expect(try KamBinary.kam("outbox", "--config", ws.config, "--failed").stdout.contains("1 try"))
        let sink = try SMTPSink(folder: ws.mail, port: port)
        defer { sink.stop() }
        let retry = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-06T07:05")
        #expect(retry.status == 0, "\(retry.stderr)")
        let mails = try sink.mails()
        #expect(mails.count == 2, "\(mails.map(\.subject))")
        let after = try KamBinary.kam("outbox", "--config", ws.config, "--failed", "--as-of", "2026-10-06T07:06")
        #expect(after.stdout.contains("failed messages: 0"), "\(after.stdout)")
        sink.stop()

        // Given up after the last retry: the operator is told (queued for the operator's mail).
        let broken = try String(contentsOfFile: ws.config, encoding: .utf8).replacingOccurrences(of: "hq@example.cn", with: "hq@example.cn, hq2@example.cn")
        try broken.write(toFile: ws.config, atomically: true, encoding: .utf8)
        _ = try KamBinary.kam("resend", "--config", ws.config, "--as-of", "2026-10-07T07:00", "--recipient", "集团总管理处")
        _ = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-07T07:05")
        _ = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-07T07:35")
        let gaveUp = try KamBinary.kam("outbox", "--config", ws.config, "--as-of", "2026-10-07T07:36")
        #expect(gaveUp.stdout.contains("gave-up  集团总管理处  email"), "\(gaveUp.stdout)")
        #expect(gaveUp.stdout.contains("运维  email  未能送达：集团总管理处"), "\(gaveUp.stdout)")
    }

    /// SPEC §9: a kill between handing a message over and recording it may send it again (with
    /// the same Message-ID), never not at all; a kill before the hand-over sends it once.
    @Test(arguments: ["delivery.before-handover", "delivery.after-handover"])
    func aKillAroundTheHandOverLosesNoMessageAndRepeatsOnlyWithTheSameMessageID(point: String) throws {
        let free = try SMTPSink(folder: FileManager.default.temporaryDirectory.appendingPathComponent("kam-mail-\(UUID().uuidString)"))
        let ws = try Self.workspace(port: free.port)
        free.stop()
        defer { try? FileManager.default.removeItem(at: ws.root); try? FileManager.default.removeItem(at: free.folder) }
        let sink = try SMTPSink(folder: ws.mail, port: free.port)
        defer { sink.stop() }

        let killed = try KamBinary.kam(["run", "--config", ws.config, "--as-of", "2026-10-06T07:00"],
                                       environment: ["KAM_FAULT_KILL_AT": "\(point):1"])
        #expect(killed.status == -SIGKILL, "killed at \(point)")
        let afterKill = try sink.mails().count
        #expect(afterKill == (point == "delivery.after-handover" ? 1 : 0))

        let again = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-06T07:00")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        let mails = try sink.mails()
        let byRecipient = Dictionary(grouping: mails, by: { $0.rcpt.joined(separator: ",") })
        #expect(byRecipient.keys.contains("sales@yy01.example.cn") && byRecipient.keys.contains("hq@example.cn"),
                "every recipient got its message: \(byRecipient.keys.sorted())")
        let ids = mails.map(\.message_id)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }
        if point == "delivery.after-handover" {
            #expect(repeated.count == 1 && repeated.first?.value.count == 2, "the one handed over before the kill, again: \(ids)")
        } else {
            #expect(repeated.isEmpty, "nothing twice: \(ids)")
        }
        let third = try KamBinary.kam("run", "--config", ws.config, "--as-of", "2026-10-06T07:00")
        #expect(try sink.mails().count == mails.count, "a third run sends nothing: \(third.stdout)")
    }
}
