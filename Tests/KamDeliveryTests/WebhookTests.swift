import Foundation
import KamConfig
import Testing
@testable import KamDelivery

/// Webhooks against a small Python HTTP receiver on 127.0.0.1, started and stopped by each test:
/// 企业微信 and 钉钉 JSON recorded, a 500 and a receiver that hangs past the timeout both fail the try.
@Suite struct WebhookTests {
    final class Receiver {
        let folder: URL
        let port: Int
        let process = Process()
        let stdin = Pipe()

        init(mode: String) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-hook-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("webhook_receiver.py")
            process.arguments = [script.path, folder.path, mode]
            let out = Pipe()
            process.standardInput = stdin
            process.standardOutput = out
            try process.run()
            var line = Data()
            while true {
                let byte = out.fileHandleForReading.readData(ofLength: 1)
                if byte.isEmpty || byte == Data("\n".utf8) { break }
                line += byte
            }
            port = Int(String(decoding: line, as: UTF8.self)) ?? 0
        }

        func stop() {
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
        }

        func bodies() throws -> [[String: Any]] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0.hasSuffix(".json") }.map {
                try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent($0))) as? [String: Any] ?? [:]
            }
        }
    }

    static let items = [
        OutboxItem(kind: .workbook, key: "w", period: "2026Q3", subsidiary: "HG01", job: "credit-report", tier: "subsidiary", revision: 2,
                   title: "HG01 华东化工 2026Q3 客户资信报表（第2版）", detail: "缺少数据：HG01 receivables 2026Q3", incomplete: true),
        OutboxItem(kind: .missing, key: "m", period: "2026Q3", subsidiary: "HG02", title: "未报送：HG02 2026Q3 销售数据（sales）"),
    ]

    func target(_ r: Receiver, _ format: WebhookTarget.Format, timeout: Double = 5) throws -> WebhookTarget {
        WebhookTarget(url: try #require(URL(string: "http://127.0.0.1:\(r.port)/cgi-bin/webhook/send?key=test")), format: format,
                      timeoutSeconds: timeout)
    }

    @Test(arguments: [WebhookTarget.Format.wecom, .dingtalk])
    func theBotGetsMarkdownInItsOwnFormatWithoutDetails(format: WebhookTarget.Format) throws {
        let r = try Receiver(mode: "ok")
        defer { r.stop() }
        let (title, text) = WebhookText.render(Self.items, now: 0, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        try WebhookPoster(target: try target(r, format)).post(title: title, text: text)
        let body = try #require(try r.bodies().first)
        #expect(body["msgtype"] as? String == "markdown")
        let markdown = try #require(body["markdown"] as? [String: Any])
        let content = (markdown[format == .wecom ? "content" : "text"] as? String) ?? ""
        #expect(content.contains("客户资信报表（第2版）（数据不完整）"), "\(content)")
        #expect(content.contains("未报送：HG02"))
        // Titles only: the detail lines (what exactly is missing, errors) stay in the mail.
        #expect(!content.contains("缺少数据"))
        if format == .dingtalk { #expect(markdown["title"] as? String == title) }
    }

    @Test func anErrorAnswerFailsTheTry() throws {
        let r = try Receiver(mode: "fail")
        defer { r.stop() }
        #expect(throws: DeliveryError.self) { try WebhookPoster(target: try target(r, .wecom)).post(title: "t", text: "x") }
        do {
            try WebhookPoster(target: try target(r, .wecom)).post(title: "t", text: "x")
        } catch {
            #expect("\(error)".contains("HTTP 500"), "\(error)")
        }
    }

    @Test func aReceiverThatHangsIsGivenUpOnAfterTheTimeout() throws {
        let r = try Receiver(mode: "hang")
        defer { r.stop() }
        let started = Date()
        do {
            try WebhookPoster(target: try target(r, .dingtalk, timeout: 1)).post(title: "t", text: "x")
            Issue.record("a hanging webhook succeeded")
        } catch {
            #expect("\(error)".contains("127.0.0.1"), "\(error)")
        }
        #expect(Date().timeIntervalSince(started) < 6)
    }

    @Test func nothingListensIsAFailureToo() throws {
        let r = try Receiver(mode: "ok")
        let port = r.port
        r.stop()
        let t = WebhookTarget(url: try #require(URL(string: "http://127.0.0.1:\(port)/x")), format: .wecom, timeoutSeconds: 2)
        #expect(throws: DeliveryError.self) { try WebhookPoster(target: t).post(title: "t", text: "x") }
    }
}
