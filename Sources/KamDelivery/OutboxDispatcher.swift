import Foundation
import KamConfig
import KamStore
import Logging

/// Sends what the outbox ledger holds that is due now: one e-mail per recipient (split into
/// parts above the size limit), a copy per file in outbox folders, one chat message per
/// recipient. Each try's outcome is recorded at once; a failure waits `retry_minutes[n]` and,
/// after the last, is reported to the operator. A kill between handing a message over and
/// recording it sends it again next time with the same Message-ID, never not at all.
public struct OutboxDispatcher {
    public let recipients: [Recipient]
    public let settings: DeliverySettings
    public let store: KamStore
    public let now: Int64
    public let timeZone: TimeZone
    public let logger: Logger
    public var mailTimeoutSeconds: Double = 120
    /// Called with a step name around each hand-over (`delivery.before-handover`,
    /// `delivery.after-handover`): the scheduler's fault hook, so kill tests can stop kam between
    /// handing a message to the mail command and recording it (SPEC §9: at least once, and twice
    /// only with the same Message-ID).
    public var reached: @Sendable (String) -> Void = { _ in }

    public struct Report: Sendable, Equatable {
        public var sent = 0
        public var failed = 0
        public var gaveUp = 0
        public init() {}
    }

    public init(recipients: [Recipient], settings: DeliverySettings, store: KamStore, now: Int64, timeZone: TimeZone, logger: Logger) {
        self.recipients = recipients
        self.settings = settings
        self.store = store
        self.now = now
        self.timeZone = timeZone
        self.logger = logger
    }

    /// Sends everything due; the operator's reports of items given up go out in the same call.
    public func sendDue() throws -> Report {
        var report = Report()
        for _ in 0..<2 {
            let due = try store.dueOutbox(now: now)
            guard !due.isEmpty else { break }
            let before = report.gaveUp
            try send(due, into: &report)
            if report.gaveUp == before { break }
        }
        return report
    }

    private func send(_ due: [OutboxRecord], into report: inout Report) throws {
        var groups: [String: [OutboxRecord]] = [:]
        var order: [String] = []
        for r in due {
            let key = "\(r.recipient)\u{1}\(r.channel)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(r)
        }
        for key in order {
            guard let rows = groups[key], let first = rows.first else { continue }
            guard let recipient = recipients.first(where: { $0.name == first.recipient }),
                  let channel = Channel(rawValue: first.channel), Channel.configured(for: recipient).contains(channel) else {
                try record(rows.map { ($0, DeliveryError("recipient `\(first.recipient)` has no \(first.channel) in the config any more")) },
                           sent: [], into: &report, giveUpNow: true)
                continue
            }
            let items = rows.map { OutboxQueue.item(of: $0) }
            var failures: [(OutboxRecord, DeliveryError)] = []
            var good: [OutboxRecord] = [], decoded: [(OutboxRecord, OutboxItem)] = []
            for (row, item) in zip(rows, items) {
                if let item { decoded.append((row, item)) } else { failures.append((row, DeliveryError("unreadable outbox payload"))) }
            }
            switch channel {
            case .email:
                let composer = MailComposer(recipient: recipient, settings: settings, now: now, timeZone: timeZone)
                let (parts, unreadable) = composer.compose(decoded.map(\.1))
                for (i, error) in unreadable { failures.append((decoded[i].0, error)) }
                let command = MailCommand(settings.mailCommand, timeoutSeconds: mailTimeoutSeconds)
                for part in parts {
                    var partRows = part.items.map { decoded[$0].0 }
                    do {
                        reached("delivery.before-handover")
                        try command.send(part.message.rendered())
                        reached("delivery.after-handover")
                        for i in partRows.indices { partRows[i].messageId = part.message.messageId }
                        good += partRows
                        logger.info("mail sent", metadata: ["recipient": "\(recipient.name)", "message.id": "\(part.message.messageId)"])
                    } catch {
                        for i in partRows.indices { partRows[i].messageId = part.message.messageId }
                        failures += partRows.map { ($0, error) }
                    }
                }
            case .outbox:
                guard let root = recipient.outbox else { continue }
                for (row, item) in decoded {
                    do {
                        if let bytes = try ItemFile.bytes(of: item) { try OutboxFolder(root: root).put(item, bytes: bytes) }
                        good.append(row)
                    } catch {
                        failures.append((row, error))
                    }
                }
            case .webhook:
                guard let target = recipient.webhook, !decoded.isEmpty else { continue }
                do {
                    let (title, text) = WebhookText.render(decoded.map(\.1), now: now, timeZone: timeZone)
                    try WebhookPoster(target: target).post(title: title, text: text)
                    good += decoded.map(\.0)
                } catch {
                    failures += decoded.map { ($0.0, error) }
                }
            }
            try record(failures, sent: good, into: &report, giveUpNow: false)
        }
    }

    /// Records a try: sent rows as sent; failed rows wait for their next retry, or are given up
    /// and reported to the operator once the retries are spent.
    private func record(_ failures: [(OutboxRecord, DeliveryError)], sent: [OutboxRecord], into report: inout Report,
                        giveUpNow: Bool) throws {
        var updated: [OutboxRecord] = []
        var gaveUp: [OutboxItem] = []
        for var row in sent {
            row.status = .sent
            row.attempts += 1
            row.error = ""
            row.sentAt = now
            row.nextTryAt = nil
            updated.append(row)
            report.sent += 1
        }
        for (original, error) in failures {
            var row = original
            row.attempts += 1
            row.error = error.message
            if !giveUpNow, row.attempts <= settings.retryMinutes.count {
                row.status = .failed
                row.nextTryAt = now + Int64(settings.retryMinutes[row.attempts - 1]) * 60
                report.failed += 1
                logger.warning("sending failed; retried later", metadata: [
                    "recipient": "\(row.recipient)", "channel": "\(row.channel)", "item": "\(row.itemKey)", "error": "\(error)"])
            } else {
                row.status = .gaveUp
                row.nextTryAt = nil
                report.gaveUp += 1
                logger.error("sending failed after every retry; the operator is told", metadata: [
                    "recipient": "\(row.recipient)", "channel": "\(row.channel)", "item": "\(row.itemKey)", "error": "\(error)"])
                // A report about an operator message that could not be sent is not reported again.
                if !row.itemKey.hasPrefix("undeliverable|") {
                    let what = OutboxQueue.item(of: row)?.title ?? row.itemKey
                    gaveUp.append(OutboxItem(kind: .failure, key: "undeliverable|\(row.id ?? 0)", period: row.period,
                                             title: "未能送达：\(row.recipient)（\(row.channel)）\(what)",
                                             detail: "尝试 \(row.attempts) 次仍失败：\(error.message)\n处理后可用 kam resend --recipient \(row.recipient) 重新发送。"))
                }
            }
            updated.append(row)
        }
        try store.updateOutbox(updated)
        if !gaveUp.isEmpty { try OutboxQueue.enqueue(gaveUp, recipients: recipients, store: store, now: now) }
    }
}
