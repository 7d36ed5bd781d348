/// The scanner's window, field spans and separator table as raw memory it owns: the scanner
/// touches them for every byte and every field of every record (10M records in a group's
/// quarter), and reaching an array's storage retains and releases it each time.
final class ScanMemory {
    private(set) var window: UnsafeMutableBufferPointer<UInt8>
    private(set) var spans: UnsafeMutableBufferPointer<Int>
    /// 1 for the bytes that end an unquoted field: the separator, CR and LF.
    let special: UnsafeMutableBufferPointer<UInt8>

    init(windowSize: Int, spanCount: Int, separator: UInt8) {
        window = .allocate(capacity: windowSize)
        window.initialize(repeating: 0)
        spans = .allocate(capacity: spanCount)
        spans.initialize(repeating: 0)
        special = .allocate(capacity: 256)
        special.initialize(repeating: 0)
        special[Int(separator)] = 1
        special[0x0A] = 1
        special[0x0D] = 1
    }

    /// Grows the window to `size`, keeping its first `keep` bytes.
    func growWindow(to size: Int, keep: Int) {
        let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        bigger.initialize(repeating: 0)
        if keep > 0, let to = bigger.baseAddress, let from = window.baseAddress { to.update(from: from, count: keep) }
        window.deallocate()
        window = bigger
    }

    /// Doubles the span table, keeping what it holds.
    func growSpans() {
        let bigger = UnsafeMutableBufferPointer<Int>.allocate(capacity: spans.count * 2)
        bigger.initialize(repeating: 0)
        if let to = bigger.baseAddress, let from = spans.baseAddress { to.update(from: from, count: spans.count) }
        spans.deallocate()
        spans = bigger
    }

    deinit {
        window.deallocate()
        spans.deallocate()
        special.deallocate()
    }
}
