import Crypto

/// SHA-256 as kam writes it everywhere (drop files archived under their checksum, receipts,
/// manifests, 数据来源, the config fingerprint, over-long temporary names): lowercase hex.
///
/// A thin face over swift-crypto's `SHA256` (BoringSSL's code, with the CPU's SHA extensions
/// where present). It replaces a hand-written FIPS 180-4 and a `dlopen` of libcrypto's
/// `SHA256_Init/Update/Final` (deprecated in OpenSSL 3) that fell back without a word to the
/// ~6× slower portable code — the path bytes in memory (workbooks, the config) always took.
/// Now every path hashes at the library's speed (BENCHMARKS.md, issue 21). The digest is the
/// standard one, so every checksum kam wrote before is unchanged, byte for byte.
///
/// Kept under kam's own name and API so no caller changes. A module that also imports
/// `Crypto` (the portal, for HMAC) names this one `KamIngest.SHA256`.
public struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// The hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        var h = SHA256()
        h.update(bytes)
        return h.finalizeHex()
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// The digest of everything passed to `update`. Like swift-crypto's `finalize()`, the end:
    /// make a new `SHA256` for the next digest.
    public mutating func finalizeHex() -> String {
        Self.hex(digest: hasher.finalize())
    }

    private static func hex(digest: Crypto.SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(2 * Crypto.SHA256.Digest.byteCount)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SHA256 {
    /// The hex digest of a file, read 1 MiB at a time with `read(2)` into one buffer, so memory
    /// stays at that buffer whatever the file's size (drop files reach hundreds of MB).
    public static func hex(fileAt path: String) throws(ByteSourceFailure) -> String {
        let source = try FileByteSource(path: path)
        var h = SHA256()
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        defer { buffer.deallocate() }
        while true {
            let n = try source.read(into: buffer)
            if n == 0 { break }
            h.hasher.update(bufferPointer: UnsafeRawBufferPointer(start: buffer.baseAddress, count: n))
        }
        return h.finalizeHex()
    }
}
