/// One record's fields as byte views, valid only inside `CSVByteScanner.withRecord`: the row
/// rules read dates, amounts and ids straight from these, and make a `String` only when they
/// must (a diagnostic, a new customer, a newer name).
struct RecordFields {
    let window: UnsafeBufferPointer<UInt8>
    let unquoted: UnsafeBufferPointer<UInt8>
    let spanStart: [Int]
    let spanEnd: [Int]
    let unquotedStart: [Int]
    let unquotedEnd: [Int]
    let count: Int

    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = spanStart[i]
        if s >= 0 { return UnsafeBufferPointer(rebasing: window[s..<spanEnd[i]]) }
        let k = -s - 1
        return UnsafeBufferPointer(rebasing: unquoted[unquotedStart[k]..<unquotedEnd[k]])
    }

    func string(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }

    var strings: [String] { (0..<count).map(string) }
}
