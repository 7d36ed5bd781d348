import Foundation
import Testing
@testable import KamPolicy
@testable import KamScheduler
@testable import KamStore

/// A run encodes each manifest entry once (`ManifestEntryCache`); the manifest it writes must be
/// byte for byte the one encoded whole from the ledger, as deliveries are added, revised, and a
/// delivered row's checksum changes.
@Suite struct ManifestEntryCacheTests {
    let q3 = Period.quarter(year: 2026, quarter: 3)

    @Test func aManifestFromCachedEntriesIsTheWholeEncodingsBytes() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        let sales = try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n")
        let later = try f.sales(q3, "sales_2026Q3_更正.csv", at: 200, "2026-07-01,C1,甲,2\n")
        func deliver(_ job: JobKind, revision: Int, sha: String, inputs: [Submission]) throws {
            let instance = JobInstance(job: job, owner: "HG01", period: q3, fireTime: LocalDateTime(parsing: "2026-10-08T07:00")!)
            let location = ReportLocation(instance: instance, organisation: f.config.organisation)
            let url = location.url(in: f.config)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("\(job) \(revision)".utf8).write(to: url)
            try f.store.recordDelivery(Delivery(
                job: job.rawValue, owner: "HG01", period: q3, revision: revision, fireTime: "2026-10-08T07:00",
                path: location.relativePath, sha256: sha, inputs: RevisionReason.key(inputs), reason: "r\(revision)",
                deliveredAt: Int64(revision)), statuses: [])
        }
        let whole = ManifestWriter(config: f.config, store: f.store)
        let cached = ManifestWriter(config: f.config, store: f.store, encoded: ManifestEntryCache())

        try deliver(.salesReport, revision: 1, sha: "a", inputs: [sales])
        #expect(try cached.data(period: q3) == whole.data(period: q3))
        try deliver(.creditReport, revision: 1, sha: "b", inputs: [sales])
        #expect(try cached.data(period: q3) == whole.data(period: q3))
        try deliver(.salesReport, revision: 2, sha: "c", inputs: [sales, later])
        let revised = try cached.data(period: q3)
        #expect(revised == (try whole.data(period: q3)))
        #expect(String(decoding: revised, as: UTF8.self).contains("sales_2026Q3_更正.csv"))

        // A delivered row's checksum follows a restored file (`RunPipeline.restore`).
        let current = try #require(try f.store.latestDelivery(job: JobKind.salesReport.rawValue, owner: "HG01", period: q3))
        try f.store.updateDeliveredChecksum(id: try #require(current.id), sha256: "d")
        let restored = try cached.data(period: q3)
        #expect(restored == (try whole.data(period: q3)))
        #expect(String(decoding: restored, as: UTF8.self).contains("\"sha256\" : \"d\""))
    }
}
