import Foundation
import KamConfig
import KamIngest
import KamPolicy

/// Turns one recipient's due items into the e-mail(s) of this run, in Chinese, as an office
/// worker reads it: what is new and why, 数据不完整 flagged, the files attached; split into
/// numbered parts (1/2, 2/2) when the attachments exceed `max_attachments_mb`.
public struct MailComposer {
    public struct Part {
        public let message: MailMessage
        /// Indexes into the items given, of the items this part carries.
        public let items: [Int]
    }

    public let recipient: Recipient
    public let settings: DeliverySettings
    public let now: Int64
    public let timeZone: TimeZone
    /// The size limit of one part's attachments, in bytes.
    public var maxAttachmentBytes: Int

    public init(recipient: Recipient, settings: DeliverySettings, now: Int64, timeZone: TimeZone) {
        self.recipient = recipient
        self.settings = settings
        self.now = now
        self.timeZone = timeZone
        self.maxAttachmentBytes = settings.maxAttachmentsMB * 1_048_576
    }

    /// The messages for `items`; an item whose file cannot be read fails alone (in `unreadable`).
    public func compose(_ items: [OutboxItem]) -> (parts: [Part], unreadable: [Int: DeliveryError]) {
        var files: [Int: Data] = [:], unreadable: [Int: DeliveryError] = [:]
        for (i, item) in items.enumerated() {
            do {
                if let data = try ItemFile.bytes(of: item) { files[i] = data }
            } catch {
                unreadable[i] = error
            }
        }
        let sendable = items.indices.filter { unreadable[$0] == nil }
        guard !sendable.isEmpty else { return ([], unreadable) }
        // Attachments packed in order into parts under the limit; a file above it goes alone.
        var groups: [[Int]] = [[]], size = 0
        for i in sendable {
            guard let data = files[i] else { continue }
            if size + data.count > maxAttachmentBytes && !(groups.last ?? []).isEmpty {
                groups.append([])
                size = 0
            }
            groups[groups.count - 1].append(i)
            size += data.count
        }
        // Notices (no file) travel in the first part.
        groups[0] = sendable.filter { files[$0] == nil } + groups[0]
        groups[0].sort()
        let total = groups.count
        let parts = groups.enumerated().map { n, group -> Part in
            let partItems = group.map { items[$0] }
            let attachments = group.compactMap { i in
                files[i].map { MailMessage.Attachment(name: items[i].fileName ?? "file", contentType: Self.contentType(items[i]), bytes: $0) }
            }
            let subject = Self.subject(items: sendable.map { items[$0] }) + (total > 1 ? " (\(n + 1)/\(total))" : "")
            let body = n == 0 ? body(partItems, allItems: sendable.map { items[$0] }, part: 1, of: total)
                : continuationBody(partItems, part: n + 1, of: total)
            let message = MailMessage(from: settings.from, to: recipient.emails, subject: subject, body: body, attachments: attachments,
                                      messageId: messageId(partItems, attachments: attachments, part: n + 1, of: total),
                                      date: now, timeZone: timeZone)
            return Part(message: message, items: group)
        }
        return (parts, unreadable)
    }

    static func contentType(_ item: OutboxItem) -> String {
        (item.fileName ?? "").hasSuffix(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8"
    }

    /// `[kam] 2026Q3 客户资信报表 (第2版)`; several workbooks add `等3份报表`; notices name their kind.
    static func subject(items: [OutboxItem]) -> String {
        // The newest period leads: a catch-up run's mail is named after what is current.
        let workbooks = items.filter { $0.kind == .workbook }.sorted { ($0.period, $1.job ?? "") > ($1.period, $0.job ?? "") }
        if let first = workbooks.first {
            let name = first.job.flatMap(JobKind.init(rawValue:))?.workbookName ?? first.title
            var text = "[kam] \(first.period) \(name)"
            if let r = first.revision, r > 1 { text += " (第\(r)版)" }
            if workbooks.count > 1 { text += " 等\(workbooks.count)份报表" }
            if workbooks.contains(where: \.incomplete) { text += " [数据不完整]" }
            return text
        }
        let kinds = Set(items.map(\.kind))
        let period = items.first?.period ?? ""
        if kinds.contains(.failure) { return "[kam] 运行故障 \(items.filter { $0.kind == .failure }.count) 项" }
        if kinds.contains(.missing) || kinds.contains(.late) { return "[kam] \(period) 未报送/逾期通知" }
        if kinds.contains(.reminder) { return "[kam] \(period) 报送截止提醒" }
        let rejected = items.filter { $0.kind == .receipt && $0.title.contains("退回") }.count
        return rejected > 0 ? "[kam] 回执：\(rejected) 个文件被退回" : "[kam] 回执：文件已接收"
    }

    func body(_ partItems: [OutboxItem], allItems: [OutboxItem], part: Int, of total: Int) -> String {
        var lines = ["\(recipient.name)：", "", "您好！kam 于 \(display(now)) 为您送达以下内容。", ""]
        let sections: [(OutboxItem.Kind, String)] = [(.workbook, "报表"), (.receipt, "报送回执"), (.reminder, "报送截止提醒"),
                                                    (.missing, "未报送通知"), (.late, "逾期报送通知"), (.failure, "运行故障")]
        var number = 0
        let chinese = ["一", "二", "三", "四", "五", "六"]
        for (kind, heading) in sections {
            let list = allItems.filter { $0.kind == kind }
            guard !list.isEmpty else { continue }
            lines.append("\(chinese[number])、\(heading)（\(list.count) 项）")
            number += 1
            for (i, item) in list.enumerated() {
                lines.append("\(i + 1). \(item.title)")
                if let name = item.fileName { lines.append("   附件：\(name)") }
                if item.incomplete { lines.append("   【数据不完整】本报表生成时有应报数据未收到，收到后将自动生成新版本。") }
                for d in item.detail.split(separator: "\n") where !d.isEmpty { lines.append("   \(d)") }
            }
            lines.append("")
        }
        if total > 1 { lines.append("附件较大，本邮件分 \(total) 封发送，这是第 \(part)/\(total) 封；其余附件见后续邮件。") }
        lines.append("此邮件由 kam 自动发送，请勿直接回复。如有疑问，请联系系统管理员。")
        return lines.joined(separator: "\n") + "\n"
    }

    func continuationBody(_ partItems: [OutboxItem], part: Int, of total: Int) -> String {
        var lines = ["\(recipient.name)：", "", "这是 kam \(display(now)) 邮件的第 \(part)/\(total) 封，附件续：", ""]
        for item in partItems { lines.append("- \(item.fileName ?? item.title)（\(item.title)）") }
        lines += ["", "此邮件由 kam 自动发送，请勿直接回复。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Derived from the recipient and the content (items and attachment bytes), so a resend of
    /// the same message after a crash carries the same Message-ID and is recognisable.
    func messageId(_ items: [OutboxItem], attachments: [MailMessage.Attachment], part: Int, of total: Int) -> String {
        var hasher = SHA256()
        hasher.update(Array("\(recipient.name)\n\(recipient.emails.joined(separator: ","))\n\(part)/\(total)\n".utf8))
        for item in items.sorted(by: { $0.key < $1.key }) { hasher.update(Array("\(item.key)\n".utf8)) }
        for a in attachments { hasher.update(Array(SHA256.hex([UInt8](a.bytes)).utf8)) }
        let domain = MailAddress.address(in: settings.from).split(separator: "@").last.map(String.init) ?? "kam.localhost"
        return "<\(hasher.finalizeHex().prefix(40)).kam@\(domain)>"
    }

    func display(_ unix: Int64) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }
}
