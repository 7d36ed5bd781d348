/// A file could not be read (it vanished, or the disk failed) — not a problem of its content.
public struct ByteSourceFailure: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let errno: Int32
    public var description: String { "cannot read \(path) (errno \(errno))" }
}
