import Foundation
import KamConfig
import KamStore

/// Puts items in the outbox ledger for everyone the routing table names, on every channel
/// they have that carries the item. Queueing is idempotent (the ledger's unique key), so a
/// run that is killed after queueing and run again queues nothing twice.
public enum OutboxQueue {
    public static func records(for items: [OutboxItem], recipients: [Recipient], now: Int64) -> [OutboxRecord] {
        var result: [OutboxRecord] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for item in items {
            guard let payload = try? encoder.encode(item) else { continue }
            let text = String(decoding: payload, as: UTF8.self)
            for recipient in Routing.recipients(of: item, among: recipients) {
                for channel in Channel.configured(for: recipient) where channel.carries(item.kind) {
                    result.append(OutboxRecord(recipient: recipient.name, channel: channel.rawValue, itemKey: item.key,
                                               period: item.period, payload: text, queuedAt: now, nextTryAt: now))
                }
            }
        }
        return result
    }

    @discardableResult
    public static func enqueue(_ items: [OutboxItem], recipients: [Recipient], store: KamStore, now: Int64) throws -> Int {
        guard !recipients.isEmpty, !items.isEmpty else { return 0 }
        return try store.enqueueOutbox(records(for: items, recipients: recipients, now: now))
    }

    public static func item(of record: OutboxRecord) -> OutboxItem? {
        try? JSONDecoder().decode(OutboxItem.self, from: Data(record.payload.utf8))
    }
}
