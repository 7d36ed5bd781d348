import Foundation

/// The byte buffers the ingest's readers hold a drop file in (`DropEntry.copy(to:keepingUpTo:in:)`),
/// handed back after each file and reused for the next. A fresh buffer per file cost more than
/// the reads it saves: its pages are new to the process, and the kernel faults and zeroes each
/// of them (a 5 MB file copied through a fresh mapping: 2.5× the system time of a reused buffer).
/// At most one buffer per reader, each as large as the largest file it held.
final class ReadBuffers: @unchecked Sendable {
    // `free` is guarded by `lock`.
    private let lock = NSLock()
    private var free: [[UInt8]] = []

    func take() -> [UInt8] {
        lock.withLock { free.popLast() ?? [] }
    }

    func give(_ buffer: [UInt8]) {
        lock.withLock { free.append(buffer) }
    }
}
