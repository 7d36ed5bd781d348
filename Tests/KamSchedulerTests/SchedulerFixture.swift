import Foundation
@testable import KamConfig
@testable import KamIngest
@testable import KamPolicy
@testable import KamScheduler
@testable import KamStore

/// An in-memory store and a one-subsidiary config, for the run's stages without a run.
struct SchedulerFixture {
    let store: KamStore
    let config: KamConfiguration
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-scheduler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config"), withIntermediateDirectories: true)
        store = try KamStore()
        config = try KamConfiguration.parse(yaml: """
            since: 2026-01
            business_lines:
              - {code: chem, name: 化工, cadence: quarterly}
            subsidiaries:
              - {code: HG01, name: 华东化工有限公司, line: chem}
            """, file: folder.appendingPathComponent("config/kam.yaml"))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    var index: SubmissionIndex { get throws { SubmissionIndex(try store.allSubmissions()) } }

    var clock: ZonedClock { ZonedClock(timeZone: TimeZone(identifier: "Asia/Shanghai")!, now: 1_800_000_000) }

    func submission(_ kind: InputKind, _ period: Period, _ name: String, at received: Int64) -> Submission {
        Submission(subsidiary: "HG01", kind: kind, period: period, fileName: name, sha256: name,
                   receivedAt: received, status: .rejected, encoding: "utf-8", rowCount: 1, badRowCount: 0, problemCount: 0,
                   hasCost: false, amountTotal: 0, costTotal: 0, archivePath: name)
    }

    /// An accepted sales file: `lines` are `date,customer_id,customer_name,amount` rows.
    @discardableResult
    func sales(_ period: Period, _ name: String, at received: Int64, _ lines: String) throws -> Submission {
        let file = SalesFile.read(Array(("date,customer_id,customer_name,amount\n" + lines).utf8), period: period,
                                  settings: ReadSettings())
        return try store.recordAccepted(submission(.sales, period, name, at: received), records: .sales(file))
    }

    @discardableResult
    func receivables(_ quarter: Period, _ name: String, at received: Int64, _ rows: [ReceivableRecord]) throws -> Submission {
        try store.recordAccepted(submission(.receivables, quarter, name, at: received), records: .receivables(rows))
    }

    @discardableResult
    func customers(_ quarter: Period, _ name: String, at received: Int64) throws -> Submission {
        try store.recordAccepted(submission(.customers, quarter, name, at: received), records: .customers([]))
    }

    @discardableResult
    func rejected(_ kind: InputKind, _ period: Period, _ name: String, at received: Int64) throws -> Submission {
        try store.recordRejected(submission(kind, period, name, at: received))
    }

    func pipeline() -> RunPipeline {
        RunPipeline(config: config, clock: clock, logger: .init(label: "test"), store: store, runId: 1)
    }
}
