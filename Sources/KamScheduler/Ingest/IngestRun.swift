import Foundation
import KamConfig
import KamIngest
import KamStore
import Logging

/// `kam ingest`: the ingest step of a run on its own, under the same run lock, so a clerk or
/// an operator can have drops read (and receipts written) without delivering workbooks.
public struct IngestRun {
    public let config: KamConfiguration
    public let clock: ZonedClock
    public let logger: Logger

    /// What one ingest did: a receipt per file read, and the files whose bytes were known.
    public struct Report: Sendable {
        public var receipts: [Receipt]
        public var unchanged: [String]
        /// Drop entries kam could not handle (`HG01/name: why`), tried again next time.
        public var unhandled: [String]
    }

    public init(config: KamConfiguration, clock: ZonedClock, logger: Logger) {
        self.config = config
        self.clock = clock
        self.logger = logger
    }

    /// Ingests every drop folder, waiting up to `wait` seconds for another run's lock.
    public func run(wait: Double = 0) throws -> Report {
        try SecureFiles.makeFolder(config.dataFolder)
        let lock = try RunLock(path: config.dataFolder.appendingPathComponent("kam.lock").path, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        let store = try RunWorkspace(config: config, logger: logger).openStore()
        let outcome = try DropIngestor(config: config, store: store, clock: clock, logger: logger).ingestAll()
        return Report(receipts: outcome.receipts, unchanged: outcome.unchanged, unhandled: outcome.problems.map(\.description))
    }
}
