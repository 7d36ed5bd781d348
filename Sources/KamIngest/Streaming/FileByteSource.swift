#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif

/// A file read with plain `read(2)` into the caller's buffer: memory stays at the buffer's
/// size whatever the file's size.
public final class FileByteSource: ByteSource {
    public let path: String
    private let fd: Int32

    public init(path: String) throws(ByteSourceFailure) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ByteSourceFailure(path: path, errno: errno) }
    }

    deinit { close(fd) }

    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ByteSourceFailure) -> Int {
        while true {
            let n = systemRead(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ByteSourceFailure(path: path, errno: errno)
        }
    }

    public var sizeHint: Int? {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : nil
    }

    public func rewind() throws(ByteSourceFailure) {
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw ByteSourceFailure(path: path, errno: errno) }
    }
}
