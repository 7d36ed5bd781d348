/// Where a drop file's bytes come from, a chunk at a time, so a file is never held whole in
/// memory: the reader makes two passes (a check pass, then the parse), hence `rewind`.
public protocol ByteSource {
    /// Fills up to `buffer.count` bytes; returns how many, 0 at the end.
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ByteSourceFailure) -> Int
    mutating func rewind() throws(ByteSourceFailure)
    /// The size, when known: small inputs get small buffers.
    var sizeHint: Int? { get }
}

extension ByteSource {
    public var sizeHint: Int? { nil }

    /// A buffer size for reading this source: `preferred`, or less for a small input.
    func bufferSize(preferred: Int) -> Int { min(preferred, max(4096, (sizeHint ?? preferred) + 16)) }
}
