import Foundation
import KamConfig
import Testing
@testable import KamDelivery

/// The hand-made MIME: encoded words that never split a character, RFC 2231 names, parts.
@Suite struct MailMessageTests {
    @Test func subjectsAreEncodedWordsOfAtMost75Characters() {
        let subject = "[kam] 2026Q3 客户资信报表 (第2版) 等12份报表 [数据不完整]"
        let encoded = MailMessage.encodedWords(subject)
        for word in encoded.split(separator: "\n") {
            #expect(word.trimmingCharacters(in: .whitespaces).count <= 75, "\(word)")
        }
        let decoded = encoded.split(separator: "\n").map { w -> String in
            let b64 = w.trimmingCharacters(in: .whitespaces).dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(b64)) ?? Data(), as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
        #expect(MailMessage.encodedWords("plain ascii") == "plain ascii")
    }

    @Test func fileNamesFollowRFC2231InPieces() {
        let p = MailMessage.rfc2231(parameter: "filename", "YY01_2026Q3_客户拜访记录及分析.xlsx")
        #expect(p.hasPrefix(" filename*0*=UTF-8''YY01_2026Q3_%E5%AE%A2"), "\(p)")
        #expect(p.contains("filename*1*="))
        #expect(!p.contains("客"))
    }

    @Test func aMessageAboveTheLimitIsSplitIntoNumberedPartsWithStableIds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-mime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var items: [OutboxItem] = []
        for i in 1...3 {
            let url = folder.appendingPathComponent("HG01_2026-0\(i)_客户销售报表.xlsx")
            try Data(repeating: UInt8(i), count: 600).write(to: url)
            items.append(OutboxItem(kind: .workbook, key: "w\(i)", period: "2026-0\(i)", subsidiary: "HG01", job: "sales-report",
                                    tier: "subsidiary", revision: 1, title: "HG01 2026-0\(i) 客户销售报表", file: url.path))
        }
        items.append(OutboxItem(kind: .reminder, key: "r", period: "2026Q3", subsidiary: "HG01", title: "报送提醒：HG01"))
        var composer = MailComposer(recipient: Recipient(name: "华东化工销售部", scope: .subsidiary("HG01"), emails: ["s@hg01.example.cn"]),
                                    settings: DeliverySettings(), now: 1_790_000_000, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        composer.maxAttachmentBytes = 1_000
        let (parts, unreadable) = composer.compose(items)
        #expect(unreadable.isEmpty)
        #expect(parts.count == 3)
        #expect(parts.map { $0.message.subject } == ["[kam] 2026-03 客户销售报表 等3份报表 (1/3)", "[kam] 2026-03 客户销售报表 等3份报表 (2/3)",
                                                     "[kam] 2026-03 客户销售报表 等3份报表 (3/3)"])
        #expect(parts[0].items == [0, 3], "the reminder travels in part 1")
        #expect(Set(parts.map(\.message.messageId)).count == 3)
        // The same content composes to the same Message-ID: a resend after a crash is recognisable.
        #expect(composer.compose(items).parts.map(\.message.messageId) == parts.map(\.message.messageId))
        // A file changed since it was queued is not sent as if it were that revision.
        var changed = items[0]
        changed.sha256 = String(repeating: "0", count: 64)
        #expect(composer.compose([changed]).unreadable[0] != nil)
    }
}
