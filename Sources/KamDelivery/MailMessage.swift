import Foundation

/// One e-mail, rendered by hand (no MIME library is available here): UTF-8 subject as RFC 2047
/// encoded words, a base64 text/plain body, base64 attachments whose names follow RFC 2231, LF
/// line endings as the sendmail interface expects (the MTA turns them into CRLF on the wire).
/// Rendering is deterministic: the same message renders to the same bytes.
public struct MailMessage: Sendable {
    public struct Attachment: Sendable {
        public var name: String
        public var contentType: String
        public var bytes: Data

        public init(name: String, contentType: String, bytes: Data) {
            self.name = name
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    public var from: String
    public var to: [String]
    public var subject: String
    public var body: String
    public var attachments: [Attachment]
    /// With angle brackets, e.g. `<3f2a…@kam.example.cn>`.
    public var messageId: String
    /// Unix seconds, written in `timeZone`.
    public var date: Int64
    public var timeZone: TimeZone

    public init(from: String, to: [String], subject: String, body: String, attachments: [Attachment], messageId: String,
                date: Int64, timeZone: TimeZone) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.attachments = attachments
        self.messageId = messageId
        self.date = date
        self.timeZone = timeZone
    }

    public func rendered() -> Data {
        let boundary = "kam-" + messageId.filter { $0.isLetter || $0.isNumber }.prefix(32)
        var out = ""
        out += "From: \(Self.mailbox(from))\n"
        out += "To: \(to.joined(separator: ", "))\n"
        out += "Subject: \(Self.encodedWords(subject))\n"
        out += "Date: \(Self.rfc5322Date(date, timeZone))\n"
        out += "Message-ID: \(messageId)\n"
        out += "MIME-Version: 1.0\n"
        out += "Auto-Submitted: auto-generated\n"
        out += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\n"
        out += "\n"
        out += "This is a MIME message.\n"
        out += "--\(boundary)\n"
        out += "Content-Type: text/plain; charset=utf-8\n"
        out += "Content-Transfer-Encoding: base64\n\n"
        out += Self.base64Lines(Data(body.utf8))
        for a in attachments {
            out += "--\(boundary)\n"
            out += "Content-Type: \(a.contentType);\n name=\"\(Self.encodedWords(a.name, folding: false))\"\n"
            out += "Content-Transfer-Encoding: base64\n"
            out += "Content-Disposition: attachment;\n" + Self.rfc2231(parameter: "filename", a.name) + "\n\n"
            out += Self.base64Lines(a.bytes)
        }
        out += "--\(boundary)--\n"
        return Data(out.utf8)
    }

    /// `Name <addr>` with a non-ASCII name encoded; a bare address as it is.
    static func mailbox(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<") else { return text }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return String(text[open...]) }
        let shown = name.allSatisfy { $0.isASCII } ? "\"\(name.replacingOccurrences(of: "\"", with: ""))\"" : encodedWords(name)
        return "\(shown) \(text[open...])"
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character;
    /// printable ASCII stays as it is. Folded onto continuation lines unless `folding` is false.
    static func encodedWords(_ text: String, folding: Bool = true) -> String {
        if text.allSatisfy({ $0.isASCII && !$0.isNewline }) && !text.contains("=?") { return text }
        var words: [String] = [], chunk: [UInt8] = []
        for c in text where !c.isNewline {
            let bytes = Array(String(c).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: folding ? "\n " : " ")
    }

    /// RFC 2231 `name*0*=UTF-8''%E5…; name*1*=…`: percent-encoded UTF-8 in pieces short enough
    /// for a header line, each on its own folded line.
    static func rfc2231(parameter: String, _ value: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        var pieces: [String] = [], current = ""
        for c in value {
            var encoded = ""
            for b in String(c).utf8 { encoded += unreserved.contains(b) ? String(UnicodeScalar(b)) : String(format: "%%%02X", b) }
            if current.count + encoded.count > 60 {
                pieces.append(current)
                current = ""
            }
            current += encoded
        }
        pieces.append(current)
        return pieces.enumerated().map { i, p in " \(parameter)*\(i)*=\(i == 0 ? "UTF-8''" : "")\(p)" }.joined(separator: ";\n")
    }

    static func base64Lines(_ data: Data) -> String {
        let text = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        return text.isEmpty ? "" : text + "\n"
    }

    static func rfc5322Date(_ unix: Int64, _ zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }
}
