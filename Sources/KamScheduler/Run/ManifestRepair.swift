import Foundation
import KamConfig
import KamStore

/// A run killed after a delivery was recorded but before its period's manifest was rewritten
/// leaves `reports/<P>/manifest.json` one delivery behind, and nothing later would rewrite it
/// when that instance was P's last (found by the fault campaign, kill at
/// `ledger.after-record`). Each run, under the lock and before any work, rewrites every
/// period's manifest whose bytes differ from what the ledger says; an up-to-date manifest is
/// only read, never rewritten.
enum ManifestRepair {
    /// The periods whose manifest was rewritten.
    static func run(config: KamConfiguration, store: KamStore) throws -> [String] {
        let periods = Set(try store.currentDeliveries().map(\.period))
        var repaired: [String] = []
        let writer = ManifestWriter(config: config, store: store)
        for period in periods.sorted(by: { $0.description < $1.description }) {
            let url = config.reportsFolder.appendingPathComponent("\(period)/manifest.json")
            let expected = try writer.data(period: period)
            if (try? Data(contentsOf: url)) != expected {
                try SecureFiles.publish(expected, to: url)
                repaired.append(period.description)
            }
        }
        return repaired
    }
}
