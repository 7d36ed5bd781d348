import Foundation
import KamConfig
import KamIngest
import KamPolicy
import KamReports
import KamStore
import Logging

/// The one engine behind `kam run`, cron and the daemon: ingest what was dropped, then do
/// every due job instance not yet done, oldest first, each workbook written atomically and
/// recorded in the ledger only once it is in place.
public struct ReportingEngine {
    public let config: KamConfiguration
    public let clock: ZonedClock
    public let logger: Logger

    /// Jobs this version builds; the other jobs' instances wait in the calendar.
    public static let implementedJobs: Set<JobKind> = [.salesReport]

    public init(config: KamConfiguration, clock: ZonedClock, logger: Logger) {
        self.config = config
        self.clock = clock
        self.logger = logger
    }

    public func openStore() throws -> KamStore {
        try SecureFiles.makeFolder(config.dataFolder)
        return try KamStore(path: config.dataFolder.appendingPathComponent("kam.sqlite").path)
    }

    /// Does the run under the run lock, waiting up to `wait` seconds for another run to finish.
    public func run(wait: Double = 0) throws -> RunSummary {
        try SecureFiles.makeFolder(config.dataFolder)
        let lock = try RunLock(path: config.dataFolder.appendingPathComponent("kam.lock").path, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        let store = try openStore()
        var summary = RunSummary()
        let ingested = try DropIngestor(config: config, store: store, clock: clock, logger: logger).ingestAll()
        summary.acceptedFiles = ingested.accepted.map { "\($0.subsidiary)/\($0.fileName)" }
        summary.rejectedFiles = ingested.rejected.map { "\($0.subsidiary)/\($0.fileName)" }
        summary.waitingFiles = ingested.skipped

        let due = config.calendar.dueInstances(asOf: clock.localNow, jobs: Self.implementedJobs)
        var touchedPeriods: [String] = []
        for instance in due {
            let period = instance.period.description
            if try store.latestDelivery(job: instance.job.rawValue, owner: instance.owner, period: period) != nil { continue }
            do {
                let location = ReportLocation(instance: instance, organisation: config.organisation)
                let job = SalesReportJob(config: config, store: store, clock: clock)
                let reason = "首次生成"
                var inputs: [Submission] = []
                try SecureFiles.publish(to: location.url(in: config)) { path in
                    inputs = try job.write(instance, revision: 1, reason: reason, to: path)
                }
                let bytes = try Data(contentsOf: location.url(in: config))
                try store.recordDelivery(Delivery(
                    job: instance.job.rawValue, owner: instance.owner, period: period, revision: 1,
                    fireTime: instance.fireTime.description, path: location.relativePath, sha256: SHA256.hex([UInt8](bytes)),
                    inputs: inputs.compactMap(\.id).sorted().map(String.init).joined(separator: ","),
                    reason: reason, deliveredAt: clock.now))
                summary.delivered.append(location.relativePath)
                if !touchedPeriods.contains(period) { touchedPeriods.append(period) }
                logger.info("delivered", metadata: ["job": "\(instance.job.rawValue)", "owner": "\(instance.owner)", "period": "\(period)"])
            } catch {
                summary.failed.append("\(instance): \(error)")
                logger.error("job failed", metadata: ["job": "\(instance.job.rawValue)", "owner": "\(instance.owner)",
                                                      "period": "\(period)", "error": "\(error)"])
            }
        }
        for period in touchedPeriods { try ManifestWriter(config: config, store: store).write(period: period) }
        return summary
    }
}
