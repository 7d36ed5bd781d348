import Foundation

/// The group-chat text of one recipient's items: titles only (what was delivered, what is
/// missing or failed), never figures, attachments or error dumps that could hold customer data.
enum WebhookText {
    static func render(_ items: [OutboxItem], now: Int64, timeZone: TimeZone) -> (title: String, text: String) {
        let title = MailComposer.subject(items: items)
        var lines: [String] = []
        let labels: [(OutboxItem.Kind, String)] = [(.workbook, "报表"), (.receipt, "回执"), (.reminder, "截止提醒"),
                                                  (.missing, "未报送"), (.late, "逾期"), (.failure, "故障")]
        for (kind, label) in labels {
            for item in items where item.kind == kind {
                lines.append("- \(label)：\(item.title)" + (item.incomplete ? "（数据不完整）" : ""))
            }
        }
        lines.append("> kam 自动通知，报表见邮件或共享目录")
        return (title, lines.joined(separator: "\n"))
    }
}
