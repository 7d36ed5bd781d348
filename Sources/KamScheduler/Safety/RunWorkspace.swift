import Foundation
import KamConfig
import KamStore
import Logging

/// The one way a run (`kam run`, `kam report`, `kam ingest`, a daemon cycle) opens its
/// workspace, already under the run lock: the store must know what `reports/` holds
/// (`DeliveredWorkGuard`), and whatever an interrupted run left behind — temporary workbooks
/// and manifests in `reports/`, staged copies and temporary files in `var/`, temporary
/// receipts in the drop folders — is removed before any work, since under the lock none of it
/// can belong to a live run.
struct RunWorkspace {
    let config: KamConfiguration
    let logger: Logger

    var storePath: String { config.dataFolder.appendingPathComponent("kam.sqlite").path }

    func openStore() throws -> KamStore {
        try DeliveredWorkGuard.checkBeforeOpening(storePath: storePath, reportsFolder: config.reportsFolder)
        let store = try KamStore(path: storePath)
        try DeliveredWorkGuard.check(store: store, storePath: storePath, reportsFolder: config.reportsFolder)
        removeLeftovers()
        return store
    }

    private func removeLeftovers() {
        var leftovers = SecureFiles.removeStaleTemporaries(under: config.reportsFolder).map { "reports/\($0)" }
        leftovers += SecureFiles.removeStaleTemporaries(under: config.dataFolder.appendingPathComponent("archive"),
                                                        alsoPrefixed: DropIngestor.stagingPrefix).map { "archive/\($0)" }
        for sub in config.organisation.subsidiaries {
            let receipts = config.dropFolder.appendingPathComponent("\(sub.code)/receipts")
            // Never walk into a `receipts` link (SPEC §8): only a real folder is kam's.
            guard SecureFiles.isRealFolder(receipts) else { continue }
            leftovers += SecureFiles.removeStaleTemporaries(under: receipts, recursive: false).map { "drop/\(sub.code)/receipts/\($0)" }
        }
        for leftover in leftovers {
            logger.warning("removed a partial file left by an interrupted run", metadata: ["file": "\(leftover)"])
        }
    }
}
