import KamConfig

/// How an item reaches a recipient; each is a separate row of the ledger, so a hanging chat
/// bot never holds up the mail, and a full share never loses the webhook.
public enum Channel: String, Sendable, CaseIterable {
    case email
    case outbox
    case webhook

    /// The channels `recipient` has configured.
    public static func configured(for recipient: Recipient) -> [Channel] {
        var result: [Channel] = []
        if !recipient.emails.isEmpty { result.append(.email) }
        if recipient.outbox != nil { result.append(.outbox) }
        if recipient.webhook != nil { result.append(.webhook) }
        return result
    }

    /// Whether this channel carries items of `kind`: an outbox folder is for files (workbooks
    /// and receipts), not for notices.
    public func carries(_ kind: OutboxItem.Kind) -> Bool {
        switch self {
        case .email, .webhook: true
        case .outbox: kind == .workbook || kind == .receipt
        }
    }
}
