/// One record's fields as byte views, valid only inside `CSVByteScanner.withRecord`: the row
/// rules read dates, amounts and ids straight from these, and make a `String` only when they
/// must (a diagnostic, a new customer, a newer name).
struct RecordFields {
    let window: UnsafeBufferPointer<UInt8>
    let unquoted: UnsafeBufferPointer<UInt8>
    /// (start, end) pairs; negative pairs (−1 − offset) are spans of `unquoted`.
    let spans: UnsafeBufferPointer<Int>
    let count: Int

    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = spans[i * 2], e = spans[i * 2 + 1]
        if s >= 0 { return UnsafeBufferPointer(rebasing: window[s..<e]) }
        return UnsafeBufferPointer(rebasing: unquoted[(-s - 1)..<(-e - 1)])
    }

    func string(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }

    var strings: [String] { (0..<count).map(string) }
}
