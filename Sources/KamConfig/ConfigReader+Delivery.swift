import Foundation
import KamPolicy

/// `recipients` and `delivery` (SPEC §9): refused at load like every other key, so a typo in
/// an address or a scope never silently sends a workbook to nobody, or to the wrong company.
extension ConfigReader {
    func readRecipients(_ n: ConfigNode, organisation: Organisation) throws(ConfigError) -> [Recipient] {
        var result: [Recipient] = []
        let folder = file.deletingLastPathComponent()
        for item in try n.sequence() {
            let m = try item.mapping(allowed: ["name", "scope", "email", "outbox", "webhook"])
            guard let nameNode = m["name"], let scopeNode = m["scope"] else {
                throw item.error("each recipient needs name and scope (and at least one of email, outbox, webhook)")
            }
            let name = try nameNode.string().trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw nameNode.error("must not be empty") }
            guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw nameNode.error("must not contain control characters (a newline would break a mail header)")
            }
            guard !result.contains(where: { $0.name == name }) else {
                throw nameNode.error("duplicate recipient name `\(name)`: `kam resend --recipient` needs each name once")
            }
            var recipient = Recipient(name: name, scope: try scope(scopeNode, organisation: organisation))
            if let e = m["email"] {
                let list: [ConfigNode] = e.scalar != nil ? [e] : try e.sequence()
                for a in list {
                    let text = try a.string().trimmingCharacters(in: .whitespaces)
                    guard MailAddress.isValid(text) else {
                        throw a.error("`\(text)` is not a mail address; write it as local@domain, e.g. sales@hg01.example.cn")
                    }
                    recipient.emails.append(text)
                }
            }
            if let o = m["outbox"] {
                let text = try o.string()
                guard !text.isEmpty else { throw o.error("must not be empty") }
                let url = (text.hasPrefix("/") ? URL(fileURLWithPath: text) : folder.appendingPathComponent(text)).standardizedFileURL
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                    throw o.error("`\(url.path)` exists but is not a folder; point outbox at a folder (kam creates <outbox>/<period>/ inside it)")
                }
                recipient.outbox = url
            }
            if let w = m["webhook"] { recipient.webhook = try webhook(w) }
            guard !recipient.emails.isEmpty || recipient.outbox != nil || recipient.webhook != nil else {
                throw item.error("recipient `\(name)` has no channel: give email, outbox or webhook")
            }
            result.append(recipient)
        }
        return result
    }

    private func scope(_ n: ConfigNode, organisation: Organisation) throws(ConfigError) -> RecipientScope {
        let text = try n.string().trimmingCharacters(in: .whitespaces)
        switch RecipientScope.parse(text, organisation: organisation) {
        case .success(let scope): return scope
        case .failure(let problem): throw n.error(problem.message)
        }
    }
}

extension RecipientScope {
    /// Why a scope text was refused, in words for the config file or the command line.
    public struct Problem: Error, Sendable, Equatable { public let message: String }

    /// `subsidiary:<code>`, `management:<line>`, `management`, `hq` or `operator`, checked against
    /// the organisation (the config's recipients and `kam user add --scope` read scopes alike).
    public static func parse(_ text: String, organisation: Organisation) -> Result<RecipientScope, Problem> {
        func fail(_ m: String) -> Result<RecipientScope, Problem> { .failure(Problem(message: m)) }
        let allowed = "subsidiary:<code>, management:<line code>, management, hq or operator"
        switch text {
        case "hq": return .success(.hq)
        case "operator": return .success(.operator)
        case "management": return .success(.management(nil))
        default: break
        }
        guard let colon = text.firstIndex(of: ":") else { return fail("unknown scope `\(text)`; scopes are \(allowed)") }
        let kind = String(text[..<colon]), code = String(text[text.index(after: colon)...])
        switch kind {
        case "subsidiary":
            guard organisation.subsidiaries.contains(where: { $0.code == code }) else {
                return fail("unknown subsidiary `\(code)`; configured subsidiaries: "
                              + organisation.subsidiaries.map(\.code).joined(separator: ", "))
            }
            return .success(.subsidiary(code))
        case "management":
            guard organisation.lines.contains(where: { $0.code == code }) else {
                return fail("unknown business line `\(code)`; configured lines: " + organisation.lines.map(\.code).joined(separator: ", "))
            }
            return .success(.management(code))
        default:
            return fail("unknown scope `\(text)`; scopes are \(allowed)")
        }
    }
}

extension ConfigReader {
    private func webhook(_ n: ConfigNode) throws(ConfigError) -> WebhookTarget {
        let m = try n.mapping(allowed: ["url", "format", "timeout_seconds"])
        guard let u = m["url"], let f = m["format"] else { throw n.error("a webhook needs url and format (wecom or dingtalk)") }
        let text = try u.string()
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, !text.contains(where: { $0.isWhitespace }) else {
            throw u.error("`\(text)` is not an http(s) URL; copy the bot's full address, e.g. https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…")
        }
        let formatText = try f.string()
        guard let format = WebhookTarget.Format(rawValue: formatText) else {
            throw f.error("must be wecom (企业微信) or dingtalk (钉钉), got `\(formatText)`")
        }
        var target = WebhookTarget(url: url, format: format)
        if let t = m["timeout_seconds"] { target.timeoutSeconds = try t.double(in: 0.1...300) }
        return target
    }

    func readDelivery(_ n: ConfigNode) throws(ConfigError) -> DeliverySettings {
        let m = try n.mapping(allowed: ["mail_command", "from", "max_attachments_mb", "remind_days", "retry_minutes"])
        var d = DeliverySettings()
        if let v = m["mail_command"] {
            d.mailCommand = try v.string().trimmingCharacters(in: .whitespaces)
            guard !d.mailCommand.isEmpty else { throw v.error("must not be empty; e.g. \"/usr/sbin/sendmail -t -oi\" or \"/usr/bin/msmtp -t\"") }
        }
        if let v = m["from"] {
            let text = try v.string().trimmingCharacters(in: .whitespaces)
            guard MailAddress.isValid(MailAddress.address(in: text)), !text.contains(where: { $0 == "\n" || $0 == "\r" }) else {
                throw v.error("`\(text)` is not a sender address; write `kam <kam@example.cn>` or kam@example.cn")
            }
            d.from = text
        }
        if let v = m["max_attachments_mb"] { d.maxAttachmentsMB = try v.int(in: 1...1000) }
        if let v = m["remind_days"] {
            var days: [Int] = []
            for item in try v.sequence() {
                let day = try item.int(in: 1...60)
                guard !days.contains(day) else { throw item.error("\(day) is given twice") }
                days.append(day)
            }
            d.remindDays = days.sorted(by: >)
        }
        if let v = m["retry_minutes"] {
            d.retryMinutes = []
            for item in try v.sequence() { d.retryMinutes.append(try item.int(in: 1...100_000)) }
        }
        return d
    }
}
