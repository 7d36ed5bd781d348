import Foundation
import KamConfig
import KamStore

/// `reports/<P>/manifest.json`: every current workbook of the period, its job, owner,
/// revision, SHA-256 and the input files it was built from — for machines downstream.
struct ManifestWriter {
    let config: KamConfiguration
    let store: KamStore

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

    func write(period: String) throws {
        let submissions = Dictionary(uniqueKeysWithValues: try store.allSubmissions().compactMap { s in s.id.map { ($0, s) } })
        var latest: [String: Delivery] = [:]
        for d in try store.deliveries() where d.period == period {
            let key = "\(d.job)|\(d.owner)"
            if (latest[key]?.revision ?? 0) < d.revision { latest[key] = d }
        }
        let entries = latest.values.sorted { ($0.job, $0.owner) < ($1.job, $1.owner) }.map { d in
            Entry(job: d.job, owner: d.owner, revision: d.revision, path: d.path, sha256: d.sha256, reason: d.reason,
                  inputs: d.inputs.split(separator: ",").compactMap { Int64($0) }.compactMap { submissions[$0] }.map {
                      Input(subsidiary: $0.subsidiary, file: $0.fileName, sha256: $0.sha256, receivedAt: $0.receivedAt)
                  })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(["period": AnyEncodable(period), "workbooks": AnyEncodable(entries)])
        try SecureFiles.publish(data, to: config.reportsFolder.appendingPathComponent("\(period)/manifest.json"))
    }
}

/// Lets the manifest mix a string and a list at the top level.
private struct AnyEncodable: Encodable {
    let encodeValue: (Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}
