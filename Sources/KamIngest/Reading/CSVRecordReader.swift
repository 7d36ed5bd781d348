/// A byte-level RFC 4180 reader over UTF-8 text: quoted fields with doubled quotes and
/// embedded separators or newlines, CRLF or LF, a trailing empty line. Separators and quotes
/// are ASCII, so scanning bytes is safe in UTF-8.
public struct CSVRecordReader: Sendable {
    /// One record and the physical line it starts on (1-based), for diagnostics.
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    public enum Problem: Error, Equatable, Sendable {
        /// A quote opened on `line` never closes.
        case unterminatedQuote(line: Int)
        /// A record longer than the limit: not a CSV export, or a broken one.
        case recordTooLong(line: Int, limit: Int)
    }

    /// Records longer than this are refused rather than read into memory.
    public static let maximumRecordBytes = 1 << 20

    private let bytes: [UInt8]
    public let separator: UInt8
    private var position = 0
    private var line = 1

    public init(utf8 bytes: [UInt8], separator: UInt8) {
        self.bytes = bytes
        self.separator = separator
    }

    /// Picks comma, semicolon or tab: whichever occurs most in the first record outside quotes.
    public static func sniffSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for b in bytes.prefix(64 * 1024) {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if b == UInt8(ascii: "\n") { break }
            if counts[b] != nil { counts[b, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        guard let best, best.value > 0 else { return UInt8(ascii: ",") }
        return best.key
    }

    /// The next record, nil at the end of input.
    public mutating func next() throws(Problem) -> Record? {
        let n = bytes.count
        guard position < n else { return nil }
        let startLine = line
        let recordStart = position
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var atFieldStart = true
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        while position < n {
            if position - recordStart > Self.maximumRecordBytes {
                throw .recordTooLong(line: startLine, limit: Self.maximumRecordBytes)
            }
            let b = bytes[position]
            if quoted {
                if b == quote {
                    if position + 1 < n, bytes[position + 1] == quote {
                        field.append(quote)
                        position += 2
                    } else {
                        quoted = false
                        position += 1
                    }
                } else {
                    if b == lf { line += 1 }
                    field.append(b)
                    position += 1
                }
                continue
            }
            if b == quote && atFieldStart {
                quoted = true
                atFieldStart = false
                position += 1
            } else if b == separator {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                atFieldStart = true
                position += 1
            } else if b == lf || b == cr {
                position += 1
                if b == cr, position < n, bytes[position] == lf { position += 1 }
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return Record(line: startLine, fields: fields)
            } else {
                field.append(b)
                atFieldStart = false
                position += 1
            }
        }
        if quoted { throw .unterminatedQuote(line: startLine) }
        fields.append(String(decoding: field, as: UTF8.self))
        return Record(line: startLine, fields: fields)
    }
}
