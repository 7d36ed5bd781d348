import Foundation
import KamConfig
import KamIngest
import KamPolicy
import KamReports
import KamStore
import Logging

/// The one engine behind `kam run`, `kam report`, cron and the daemon: ingest what was
/// dropped, then do every due job instance not yet done, oldest first, and rebuild as a new
/// revision every delivered workbook whose inputs have changed. Each workbook is written
/// atomically and recorded in the ledger only once it is in place, so a kill at any point
/// loses nothing and the next run completes the work.
public struct ReportingEngine: Sendable {
    public let config: KamConfiguration
    public let clock: ZonedClock
    public let logger: Logger

    /// How long the figures of a period stay in the report cache after it ended (`ReportMemo`).
    static let reportCacheMonths = 12

    /// Ledger key: the highest submission id whose effect on delivered workbooks was checked.
    static let revisionMark = "revisions-checked-through-submission"

    public init(config: KamConfiguration, clock: ZonedClock, logger: Logger) {
        self.config = config
        self.clock = clock
        self.logger = logger
    }

    /// Opens the store for reading only what it says (`kam status`, `kam backup`): refuses,
    /// like a run, when it is missing or empty while `reports/` holds delivered work, so that
    /// an operator is told at once instead of seeing an empty history.
    public func openStore() throws -> KamStore {
        let workspace = RunWorkspace(config: config, logger: logger)
        try DeliveredWorkGuard.checkBeforeOpening(storePath: workspace.storePath, reportsFolder: config.reportsFolder)
        try SecureFiles.makeFolder(config.dataFolder)
        return try KamStore(path: workspace.storePath)
    }

    /// Does the run under the run lock, waiting up to `wait` seconds for another run to finish.
    /// `shouldStop` is asked between workbooks (the daemon's graceful shutdown).
    public func run(wait: Double = 0, shouldStop: () -> Bool = { false }) throws -> RunSummary {
        try locked(wait: wait) { store, runRecord in
            var summary = RunSummary()
            let planner = OutboxPlanner(config: config, clock: clock)
            try planner.prepare(store)
            let ingested = try DropIngestor(config: config, store: store, clock: clock, logger: logger).ingestAll()
            summary.acceptedFiles = ingested.accepted.map { "\($0.subsidiary)/\($0.fileName)" }
            summary.rejectedFiles = ingested.rejected.map { "\($0.subsidiary)/\($0.fileName)" }
            summary.unhandledFiles = ingested.problems.map(\.description)
            runRecord.acceptedFiles = summary.acceptedFiles.count
            runRecord.rejectedFiles = summary.rejectedFiles.count
            try deliverDue(store: store, runId: runRecord.id ?? 0, into: &summary, shouldStop: shouldStop)
            // After the deliveries are committed: sending never holds them up or fails them.
            if !summary.stoppedEarly { sendMessages(store: store, summary: &summary) }
            return summary
        }
    }

    /// `kam report` asked for an instance that is not due (SPEC §8: "`kam report` rebuilds only
    /// instances that are already due; for a later one it says when it is due"). Building it early
    /// would record it as delivered, so the run at its fire time would skip it and the workbook
    /// would never carry the inputs that arrive before then. Refused before the lock, the store
    /// and `reports/` are touched: nothing changes.
    public struct NotDue: Error, CustomStringConvertible {
        public let job: JobKind
        public let period: Period
        public let owner: String?
        /// The earliest fire time of the instances asked for; nil when the period is before `since`.
        public let fireTime: LocalDateTime?
        public let asOf: LocalDateTime
        public let timeZone: String
        public let since: YearMonth
        public let configFile: String

        public var description: String {
            let what = "\(job.rawValue) \(period)" + (owner.map { " \($0)" } ?? "")
            let now = asOf.description.replacingOccurrences(of: "T", with: " ")
            guard let fireTime else {
                return "\(what) is not reported: its period is before `since` (\(since)) in \(configFile), so it is never due. "
                    + "Nothing was changed."
            }
            let fire = fireTime.description.replacingOccurrences(of: "T", with: " ")
            return "\(what) is not due yet: it fires \(fire) (\(timeZone)), and it is now \(now). `kam report` rebuilds only "
                + "instances that are already due; `kam run` (or the daemon) delivers this one at its fire time. Nothing was changed."
        }
    }

    /// `kam report`: a new revision of the named instances now, whether or not their inputs
    /// changed (the previous revision is kept in `superseded/`). Only instances already due:
    /// anything else throws `NotDue` before anything is touched.
    public func rebuild(job kind: JobKind, period: Period, owner: String?, wait: Double = 0) throws -> RunSummary {
        // The calendar around P: a proposal fires in the month before its quarter, every other job
        // in the month after its period (a workday shift moves the day, not the nominal month).
        let instances = config.calendar.instances(firingFrom: period.firstMonth.adding(months: -3),
                                                  through: period.lastMonth.adding(months: 1), jobs: [kind])
            .filter { $0.period == period && (owner == nil || $0.owner == owner) }
        let now = clock.localNow
        if !instances.isEmpty && (!config.calendar.isReported(period) || instances.contains { $0.fireTime > now }) {
            throw NotDue(job: kind, period: period, owner: owner,
                         fireTime: config.calendar.isReported(period) ? instances.map(\.fireTime).min() : nil,
                         asOf: now, timeZone: config.timeZoneIdentifier, since: config.since, configFile: config.file.path)
        }
        return try locked(wait: wait) { store, runRecord in
            var summary = RunSummary()
            if instances.isEmpty { summary.failed.append("\(kind.rawValue) \(period): no such job instance in the calendar") }
            try deliver(instances, store: store, runId: runRecord.id ?? 0, forced: true, into: &summary, shouldStop: { false })
            return summary
        }
    }

    private func locked(wait: Double, _ body: (KamStore, inout RunRecord) throws -> RunSummary) throws -> RunSummary {
        try SecureFiles.makeFolder(config.dataFolder)
        let lock = try RunLock(path: config.dataFolder.appendingPathComponent("kam.lock").path, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        let store = try RunWorkspace(config: config, logger: logger).openStore()
        for period in try ManifestRepair.run(config: config, store: store) {
            logger.warning("rewrote a manifest that did not match the ledger (an interrupted run, or an owner retired from the config)", metadata: ["period": "\(period)"])
        }
        var runRecord = try store.startRun(RunRecord(startedAt: clock.now, asOf: clock.localNow.description))
        if let id = runRecord.id { lock.record(runId: id) }
        let summary: RunSummary
        do {
            summary = try body(store, &runRecord)
        } catch {
            // The run log says it ended, and how: the error is also on stderr.
            runRecord.finishedAt = clock.now
            runRecord.failed += 1
            try? store.finishRun(runRecord)
            throw error
        }
        runRecord.finishedAt = clock.now
        runRecord.delivered = summary.delivered.count
        runRecord.failed = summary.failed.count
        try store.finishRun(runRecord)
        return summary
    }

    private func deliverDue(store: KamStore, runId: Int64, into summary: inout RunSummary, shouldStop: () -> Bool) throws {
        let due = config.calendar.dueInstances(asOf: clock.localNow)
        let latestSubmission = try store.latestSubmissionId()
        let checkRevisions = try store.ledgerValue(Self.revisionMark).map { $0 < latestSubmission } ?? true
        try deliver(due, store: store, runId: runId, forced: false, checkRevisions: checkRevisions, into: &summary,
                    shouldStop: shouldStop)
        if summary.failed.isEmpty && !summary.stoppedEarly { try store.setLedgerValue(Self.revisionMark, latestSubmission) }
        // Only a run that built workbooks can have cached figures; a run with nothing new writes nothing.
        if !summary.delivered.isEmpty || !summary.failed.isEmpty {
            try? store.pruneReportCache(endedBefore: clock.localNow.date.yearMonth.index - Self.reportCacheMonths)
        }
    }

    /// The stages of `RunPipeline`, in order, for `instances`.
    private func deliver(_ instances: [JobInstance], store: KamStore, runId: Int64, forced: Bool, checkRevisions: Bool = true,
                         into summary: inout RunSummary, shouldStop: () -> Bool) throws {
        try RunPipeline(config: config, clock: clock, logger: logger, store: store, runId: runId)
            .deliver(instances, forced: forced, checkRevisions: checkRevisions, into: &summary, shouldStop: shouldStop)
    }
}
