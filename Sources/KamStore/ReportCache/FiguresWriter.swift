/// Writes the report cache's payloads: a compact, exact binary form (integers as zig-zag
/// varints, doubles as their bit patterns, strings as length + UTF-8). The cache is read on a
/// late file's run for every other subsidiary of a consolidation; Foundation's JSON coders
/// took a fifth of such a run. Exactness matters more than size: a cached figure must be the
/// very value a recomputation gives, so nothing is rounded or reformatted on the way.
public struct FiguresWriter: Sendable {
    /// First byte of every payload; a reader refuses any other (the entry is then recomputed).
    static let format: UInt8 = 1

    public private(set) var bytes: [UInt8] = [FiguresWriter.format]

    public init() {}

    /// A writer to swap out while another holds the bytes: shared, so swapping it in allocates nothing.
    static let placeholder = FiguresWriter()

    public mutating func int(_ value: Int64) {
        var v = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    public mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        int(utf8.count)
        bytes += utf8
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout FiguresWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    public mutating func array<T>(_ values: [T], _ write: (inout FiguresWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}
