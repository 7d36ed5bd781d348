import Foundation

/// Someone kam sends to (SPEC §9): a named person or team, the scope that decides what they
/// receive, and the channels it reaches them by. The scope is checked against the organisation
/// when the config is read, so routing never meets a code it does not know.
public struct Recipient: Sendable, Equatable {
    public var name: String
    public var scope: RecipientScope
    /// Mail addresses (`local@domain`), checked when the config is read.
    public var emails: [String]
    /// A folder (often a mounted share) that gets a copy of every workbook sent to this recipient.
    public var outbox: URL?
    public var webhook: WebhookTarget?

    public init(name: String, scope: RecipientScope, emails: [String] = [], outbox: URL? = nil, webhook: WebhookTarget? = nil) {
        self.name = name
        self.scope = scope
        self.emails = emails
        self.outbox = outbox
        self.webhook = webhook
    }
}

/// Which part of the reporting chain a recipient stands for; it alone decides what they get.
public enum RecipientScope: Sendable, Equatable, CustomStringConvertible {
    /// A subsidiary's sales department: its own workbooks, receipts, reminders.
    case subsidiary(String)
    /// 总管理部 for one business line (its code), or for every line when nil.
    case management(String?)
    /// 集团总管理处.
    case hq
    /// Whoever runs kam: failures only.
    case `operator`

    public var description: String {
        switch self {
        case .subsidiary(let code): "subsidiary:\(code)"
        case .management(let line?): "management:\(line)"
        case .management(nil): "management"
        case .hq: "hq"
        case .operator: "operator"
        }
    }
}

/// A group-chat bot (企业微信 or 钉钉) that gets a short markdown text, never customer figures.
public struct WebhookTarget: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable { case wecom, dingtalk }
    public var url: URL
    public var format: Format
    /// Seconds before a hanging bot is given up on for this try (retried later).
    public var timeoutSeconds: Double

    public init(url: URL, format: Format, timeoutSeconds: Double = 10) {
        self.url = url
        self.format = format
        self.timeoutSeconds = timeoutSeconds
    }
}
