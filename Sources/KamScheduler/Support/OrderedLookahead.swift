import Foundation

/// Computes `work(0) … work(count - 1)` on background threads, at most `window` items ahead of
/// the consumer, and hands the results back strictly in index order. The ingest uses it to
/// read and parse the next drop files on the machine's other cores while the calling thread
/// stores the current one: what happens in the store, the archive and the drop folder stays
/// on one thread and in the same order as a sequential ingest, only the reading overlaps.
/// The window bounds memory to a few parsed files however long the drop list is.
final class OrderedLookahead<Output: Sendable>: @unchecked Sendable {
    // Every mutable field below is guarded by `condition`.
    private let condition = NSCondition()
    private var results: [Int: Output] = [:]
    private var next = 0
    private var consumed = 0
    private var stopped = false
    /// The indices handed out by `take` (for a consumer taking in its own order).
    private var taken = Set<Int>()
    private var running = 0
    private let count: Int
    private let window: Int
    private let work: @Sendable (Int) -> Output
    /// No worker threads: `takeNext` computes each item in turn.
    private let inline: Bool

    /// Starts `workers` threads (none when `count` is 0). With no workers, `takeNext` computes
    /// each item itself on the calling thread: the plain sequential loop.
    init(count: Int, workers: Int, window: Int, work: @escaping @Sendable (Int) -> Output) {
        self.count = count
        self.window = max(1, window)
        self.work = work
        let threads = min(max(0, workers), count)
        inline = threads == 0
        guard threads > 0 else { return }
        running = threads
        for _ in 0..<threads {
            let thread = Thread { [self] in loop() }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while !stopped && next < count && next >= consumed + window { condition.wait() }
            if stopped || next >= count {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = next
            next += 1
            condition.unlock()
            let output = work(index)
            condition.lock()
            results[index] = output
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The result of the next index in order (0, 1, 2, …), waiting for it if needed; nil once
    /// every index was taken or after `finish()`.
    func takeNext() -> Output? {
        condition.lock()
        defer { condition.unlock() }
        let index = consumed
        guard index < count, !stopped else { return nil }
        if inline {
            consumed = index + 1
            return work(index)
        }
        while results[index] == nil {
            if stopped && running == 0 { return nil }
            condition.wait()
        }
        let output = results.removeValue(forKey: index)
        consumed = index + 1
        condition.broadcast()
        return output
    }

    /// The result of `index`, whatever was taken before, waiting for it if needed; nil if it
    /// was taken already or after `finish()`. For a consumer that takes the results in an
    /// order of its own (the run publishes oldest first what it builds subsidiary by
    /// subsidiary): give such a lookahead a `window` of `count`, since `consumed` (what
    /// bounds the workers) then only counts the results taken.
    func take(_ index: Int) -> Output? {
        condition.lock()
        defer { condition.unlock() }
        guard index >= 0, index < count, !stopped, taken.insert(index).inserted else { return nil }
        if inline {
            consumed += 1
            return work(index)
        }
        while results[index] == nil {
            if running == 0 { return nil }  // every worker ended: it was taken, or never will be
            condition.wait()
        }
        let output = results.removeValue(forKey: index)
        consumed += 1
        condition.broadcast()
        return output
    }

    /// Whether `take(index)` would return without waiting: the result is there, or there is
    /// nothing to wait for (no workers: `take` computes it; or every worker has ended).
    func isReady(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return inline || stopped || running == 0 || results[index] != nil
    }

    /// Stops handing out work, waits for the threads to end, and returns the results computed
    /// but not taken (in index order), so the caller can clean up what they hold.
    func finish() -> [Output] {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        let rest = results.keys.sorted().compactMap { results[$0] }
        results = [:]
        return rest
    }
}
