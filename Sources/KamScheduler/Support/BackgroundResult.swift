import Foundation

/// One piece of work run on a thread of its own, whose result the caller collects later
/// (`value()` waits for it). The ingest answers a committed batch (receipts, syncs, leaving the
/// drop folder) this way while its storing thread reads on into the next batch.
final class BackgroundResult<Output: Sendable>: @unchecked Sendable {
    // `result` is guarded by `condition`.
    private let condition = NSCondition()
    private var result: Output?

    init(_ work: @escaping @Sendable () -> Output) {
        let thread = Thread { [self] in
            let output = work()
            condition.lock()
            result = output
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The work's result, once it has finished.
    func value() -> Output {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            condition.wait()
        }
    }
}
