/// Reads what `FiguresWriter` wrote. Any inconsistency (another format, a truncated or
/// overlong payload, an unknown enum value) throws: the caller then recomputes the figures.
public struct FiguresReader {
    public struct Malformed: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "cached figures unreadable (\(reason)); they are recomputed" }
    }

    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) throws(Malformed) {
        guard bytes.first == FiguresWriter.format else { throw Malformed(reason: "format \(bytes.first.map(String.init) ?? "none")") }
        self.bytes = bytes
        offset = 1
    }

    /// True when every byte was read: a longer payload is as wrong as a shorter one.
    public var isAtEnd: Bool { offset == bytes.count }

    private mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < bytes.count else { throw Malformed(reason: "truncated at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func int64() throws(Malformed) -> Int64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Malformed(reason: "varint too long at byte \(offset)") }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
    }

    public mutating func int() throws(Malformed) -> Int {
        let v = try int64()
        guard let n = Int(exactly: v) else { throw Malformed(reason: "integer out of range") }
        return n
    }

    public mutating func count() throws(Malformed) -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - offset else { throw Malformed(reason: "count \(n) at byte \(offset)") }
        return n
    }

    public mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        case let b: throw Malformed(reason: "bool \(b)")
        }
    }

    public mutating func double() throws(Malformed) -> Double {
        var bits: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { bits |= UInt64(try byte()) << UInt64(shift) }
        return Double(bitPattern: bits)
    }

    public mutating func string() throws(Malformed) -> String {
        let n = try count()
        defer { offset += n }
        guard let s = String(validating: bytes[offset..<offset + n], as: UTF8.self) else { throw Malformed(reason: "not UTF-8") }
        return s
    }

    public mutating func optional<T>(_ read: (inout FiguresReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    public mutating func array<T>(_ read: (inout FiguresReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let n = try count()
        var result: [T] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try read(&self)) }
        return result
    }

    /// An enum from its raw value.
    public mutating func raw<T: RawRepresentable>(_ type: T.Type) throws(Malformed) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else { throw Malformed(reason: "unknown \(T.self) \(text)") }
        return value
    }
}
