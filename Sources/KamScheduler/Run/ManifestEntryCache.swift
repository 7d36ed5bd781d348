import Foundation
import KamStore

/// A run's manifest entries as encoded, by ledger row: a delivery's row never changes once
/// recorded but for its checksum (`restore`), nor do the submissions it lists, so its entry is
/// encoded once per run however often its period's manifest is rewritten — at a group quarter
/// close the quarter's manifest (≈ 1 MB, ~100 entries of up to 900 inputs) was encoded whole
/// after each of its deliveries, ≈ 0.4 s of the run's thread, most of it in the run's last second.
final class ManifestEntryCache: @unchecked Sendable {
    // @unchecked: `entries` is only read and written under `lock`.
    private let lock = NSLock()
    private var entries: [String: [UInt8]] = [:]

    func entry(for delivery: Delivery, encode: () -> [UInt8]) -> [UInt8] {
        guard let key = Self.key(delivery) else { return encode() }
        if let known = lock.withLock({ entries[key] }) { return known }
        let bytes = encode()
        lock.withLock { entries[key] = bytes }
        return bytes
    }

    /// Whether `delivery`'s entry is encoded already (its submissions need not be read).
    func holds(_ delivery: Delivery) -> Bool {
        guard let key = Self.key(delivery) else { return false }
        return lock.withLock { entries[key] != nil }
    }

    private static func key(_ delivery: Delivery) -> String? {
        delivery.id.map { "\($0)|\(delivery.sha256)" }
    }
}
