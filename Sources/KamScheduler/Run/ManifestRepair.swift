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
        guard !periods.isEmpty else { return [] }
        // Every period's inputs from one read, not one read per period (this runs before every run).
        let known = Dictionary(try store.allSubmissions().compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        let writer = ManifestWriter(config: config, store: store, known: known)
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
