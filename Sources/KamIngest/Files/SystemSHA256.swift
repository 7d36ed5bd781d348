#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 from the system's libcrypto when it can be loaded, which uses the CPU's SHA
/// instructions (about 10× kam's portable `SHA256` on this machine class, and checksumming
/// is a full pass over every drop file). Loaded at run time, so kam neither links nor
/// requires OpenSSL: without it, `SHA256` is used and gives the same digest.
struct SystemSHA256: @unchecked Sendable {
    typealias Initialise = @convention(c) (UnsafeMutableRawPointer) -> Int32
    typealias Update = @convention(c) (UnsafeMutableRawPointer, UnsafeRawPointer?, Int) -> Int32
    typealias Finish = @convention(c) (UnsafeMutablePointer<UInt8>, UnsafeMutableRawPointer) -> Int32

    let initialise: Initialise
    let update: Update
    let finish: Finish

    static let shared: SystemSHA256? = {
        for name in ["libcrypto.so.3", "libcrypto.so"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL),
                  let i = dlsym(handle, "SHA256_Init"), let u = dlsym(handle, "SHA256_Update"),
                  let f = dlsym(handle, "SHA256_Final") else { continue }
            return SystemSHA256(initialise: unsafeBitCast(i, to: Initialise.self), update: unsafeBitCast(u, to: Update.self),
                                finish: unsafeBitCast(f, to: Finish.self))
        }
        return nil
    }()

    /// The hex digest of everything `source` yields, or nil when libcrypto is not available.
    static func hex(reading source: FileByteSource) throws(ByteSourceFailure) -> String? {
        guard let sha = shared else { return nil }
        // SHA256_CTX is 112 bytes; room to spare.
        let context = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { context.deallocate() }
        guard sha.initialise(context) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = try buffer.withUnsafeMutableBufferPointer { b throws(ByteSourceFailure) -> Int in try source.read(into: b) }
            if n == 0 { break }
            _ = buffer.withUnsafeBytes { sha.update(context, $0.baseAddress, n) }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        _ = digest.withUnsafeMutableBufferPointer { d in d.baseAddress.map { sha.finish($0, context) } }
        let hexDigits = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [hexDigits[Int($0 >> 4)], hexDigits[Int($0 & 15)]] }, as: UTF8.self)
    }
}
