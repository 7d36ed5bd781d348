import KamIngest

/// Random secrets (session ids, CSRF tokens, bearer tokens) and how they are kept: only their
/// SHA-256 goes into the store, so a copy of the store (a backup) logs nobody in.
enum Secret {
    /// 32 random bytes from the system's CSPRNG (`getrandom`), as 64 hex digits.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<4 { withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) } }
        return bytes.map { String(format2: $0) }.joined()
    }

    static func hash(_ secret: String) -> String { KamIngest.SHA256.hex(Array(secret.utf8)) }

    /// Compares without stopping at the first difference, so timing does not tell how much of a
    /// guessed token was right.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

private extension String {
    init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
