import Foundation
import KamConfig
import KamPolicy
import KamStore

/// `reports/<P>/manifest.json`: every current workbook of the period, its job, owner,
/// revision, SHA-256 and the input files it was built from — for machines downstream.
struct ManifestWriter {
    let config: KamConfiguration
    let store: KamStore
    /// Submissions already read, by id (a run's `RunPipeline.Context.known`): a run rewrites a
    /// period's manifest after each of its deliveries, and reading the same input files' rows
    /// again for each was 40% of that (BENCHMARKS.md, 2026-12-04 night). A submission never
    /// changes once stored; ids not in it are read from the store.
    var known: [Int64: Submission] = [:]
    /// Entries already encoded this run (a run's `RunPipeline.manifestEntries`); nil: encode all.
    var encoded: ManifestEntryCache? = nil

    /// Encodable only for `ManifestJSONTests`, which holds `ManifestJSON` to `JSONEncoder`'s bytes.
    struct Entry: Encodable {
        let job: String
        let owner: String
        let revision: Int
        let path: String
        let sha256: String
        let reason: String
        let inputs: [Input]
    }

    struct Input: Encodable {
        let subsidiary: String
        let file: String
        let sha256: String
        let receivedAt: Int64
    }

    /// Rewrites the period's manifest from the ledger. Called after every delivery, so a run
    /// killed between two workbooks leaves a manifest that matches what is on disk.
    func write(period: Period) throws {
        try SecureFiles.publish(try data(period: period), to: config.reportsFolder.appendingPathComponent("\(period)/manifest.json"))
    }

    /// The manifest's bytes as the ledger says now.
    func data(period: Period) throws -> Data {
        // Never a file that is not there (a deleted workbook is listed again once the run puts it back).
        let deliveries = try store.currentDeliveries(period: period).filter {
            FileManager.default.fileExists(atPath: config.reportsFolder.appendingPathComponent($0.path).path)
        }
        // Only the entries not encoded yet this run need their submissions.
        let ids = Set(deliveries.filter { encoded?.holds($0) != true }.flatMap { RevisionReason.ids($0.inputs) })
        var submissions = known
        let unknown = ids.filter { known[$0] == nil }
        if !unknown.isEmpty {
            for s in try store.submissions(ids: unknown) { if let id = s.id { submissions[id] = s } }
        }
        // Listed as the workbook's 数据来源 lists them; the ledger keeps them by id.
        let order = LineageOrder(config.organisation)
        func entry(_ d: Delivery) -> Entry {
            Entry(job: d.job, owner: d.owner, revision: d.revision, path: d.path, sha256: d.sha256, reason: d.reason,
                  inputs: order.sorted(RevisionReason.ids(d.inputs).compactMap { submissions[$0] }).map {
                      Input(subsidiary: $0.subsidiary, file: $0.fileName, sha256: $0.sha256, receivedAt: $0.receivedAt)
                  })
        }
        func bytes(_ d: Delivery) -> [UInt8] {
            guard let encoded else { return ManifestJSON.entryBytes(entry(d)) }
            return encoded.entry(for: d) { ManifestJSON.entryBytes(entry(d)) }
        }
        let sorted = deliveries.sorted { ($0.job, $0.owner) < ($1.job, $1.owner) }
        // Workbooks of owners the config no longer has are not current: they go in a list of
        // their own, so a machine reading `workbooks` never takes them for current ones. The key
        // is only there when there are some: otherwise the manifest is what it always was.
        let retired = sorted.filter { RetiredOwner.isRetired($0, organisation: config.organisation) }
        return ManifestJSON.encode(period: period.description,
                                   workbooks: sorted.filter { !RetiredOwner.isRetired($0, organisation: config.organisation) }.map(bytes),
                                   retired: retired.isEmpty ? nil : retired.map(bytes))
    }
}
