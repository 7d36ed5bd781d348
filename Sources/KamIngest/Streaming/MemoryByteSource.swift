/// Bytes already in memory (tests, `kam validate` of a small file) as a `ByteSource`.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ByteSourceFailure) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { src in
            guard let s = src.baseAddress, let d = buffer.baseAddress else { return }
            d.update(from: s + offset, count: n)
        }
        offset += n
        return n
    }

    public var sizeHint: Int? { bytes.count }

    /// The bytes themselves, for a pass that needs no copy of them (`FileSurvey`).
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { bytes.withUnsafeBufferPointer(body) }

    public mutating func rewind() throws(ByteSourceFailure) { offset = 0 }
}
