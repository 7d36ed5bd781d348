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

    /// Jobs this version builds; the other jobs' instances wait in the calendar.
    public static let implementedJobs: Set<JobKind> = Set(JobKind.allCases)

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

    func job(_ kind: JobKind, store: KamStore, memo: ReportMemo) -> ReportJob {
        switch kind {
        case .salesReport: SalesReportJob(config: config, store: store, clock: clock, memo: memo)
        case .creditReport: CreditReportJob(config: config, store: store, clock: clock, memo: memo)
        case .creditLimitProposal: CreditLimitProposalJob(config: config, store: store, clock: clock, memo: memo)
        case .visitReport: VisitReportJob(config: config, store: store, clock: clock, memo: memo)
        case .fileMaintenance: FileMaintenanceJob(config: config, store: store, clock: clock, memo: memo)
        case .lineSummary: LineSummaryJob(config: config, store: store, clock: clock, memo: memo)
        case .hqQuarterly: HQQuarterlyJob(config: config, store: store, clock: clock, memo: memo)
        case .keyAccountReview: KeyAccountReviewJob(config: config, store: store, clock: clock, memo: memo)
        }
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
        let due = config.calendar.dueInstances(asOf: clock.localNow, jobs: Self.implementedJobs)
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

    private func deliver(_ instances: [JobInstance], store: KamStore, runId: Int64, forced: Bool, checkRevisions: Bool = true,
                         into summary: inout RunSummary, shouldStop: () -> Bool) throws {
        let submissions = try store.allSubmissions()
        let index = SubmissionIndex(submissions)
        let memo = ReportMemo(index: index, store: store, configFingerprint: config.fingerprint)
        let known = Dictionary(uniqueKeysWithValues: submissions.compactMap { s in s.id.map { ($0, s) } })
        var current: [String: Delivery] = [:]
        for d in try store.currentDeliveries() { current["\(d.job)|\(d.owner)|\(d.period)"] = d }

        // Plan first (cheap: the index, no SQLite), then build: writer threads build the planned
        // workbooks a few ahead (the policy and the zlib of the .xlsx are most of a run after
        // ingest) while this thread puts each in place and records it, in the planned order. A
        // line summary reads the ledger figures of the sales reports before it, so it is built
        // here, in order, once they are recorded. Output is byte-identical to building in turn.
        var plan: [PlannedBuild] = []
        for instance in instances {
            let job = job(instance.job, store: store, memo: memo)
            let period = instance.period.description
            let previous = current["\(instance.job.rawValue)|\(instance.owner)|\(period)"]
            // A current workbook someone deleted is put back as it was (one stat per delivery).
            let missing = previous.map { !FileManager.default.fileExists(atPath: config.reportsFolder.appendingPathComponent($0.path).path) } ?? false
            // Nothing accepted since the last check: a delivered instance cannot be out of date.
            if previous != nil && !forced && !checkRevisions && !missing { continue }
            let inputs = job.inputs(for: instance, index: index)
            let revision: Int, reason: String
            if let previous {
                if forced {
                    reason = RevisionReason.requested
                } else {
                    guard checkRevisions, previous.inputs != RevisionReason.key(inputs) else {
                        if missing {
                            let statuses = job.expectedInputs(for: instance).map { $0.resolve(index, clock: clock) }
                            plan.append(PlannedBuild(instance: instance, job: job, build: BuildInfo(
                                revision: previous.revision, reason: previous.reason, inputs: inputs, statuses: statuses), restoring: true))
                        }
                        continue
                    }
                    reason = RevisionReason.inputsChanged(previous: RevisionReason.ids(previous.inputs), now: inputs,
                                                          known: known, clock: clock)
                }
                revision = previous.revision + 1
            } else {
                revision = 1
                reason = RevisionReason.first
            }
            let statuses = job.expectedInputs(for: instance).map { $0.resolve(index, clock: clock) }
            var build = BuildInfo(revision: revision, reason: reason, inputs: inputs, statuses: statuses)
            let path = location(instance).relativePath
            if let previous, previous.path != path { build.previousPath = previous.path }
            build.displaced = current.values.first {
                $0.path == path && RetiredOwner.isRetired($0, organisation: config.organisation)
            }
            plan.append(PlannedBuild(instance: instance, job: job, build: build))
        }
        memo.expect(plan.flatMap { $0.job.reportsUsed(for: $0.instance) })
        for folder in Set(plan.map { location($0.instance).url(in: config).deletingLastPathComponent() }) {
            try? SecureFiles.makeFolder(folder)
        }
        let writers = Self.workbookWriters
        let engine = self
        let work = plan
        let ahead = OrderedLookahead<StagedWorkbook?>(count: work.count, workers: writers, window: writers + 1) { i in
            work[i].instance.job == .lineSummary ? nil : engine.stage(work[i])
        }
        defer {
            for left in ahead.finish() {
                if case .success(let built)? = left?.result { try? FileManager.default.removeItem(at: built.temp) }
            }
        }
        for planned in plan {
            if shouldStop() {
                summary.stoppedEarly = true
                logger.notice("stopping before the next workbook, as asked; the next run continues")
                break
            }
            let prebuilt = ahead.takeNext() ?? nil
            let instance = planned.instance, build = planned.build, revision = build.revision
            let period = instance.period.description
            do {
                let staged = try (prebuilt ?? stage(planned)).result.get()
                if planned.restoring {
                    let path = try restore(instance, staged: staged, store: store)
                    summary.restored.append(path)
                    try ManifestWriter(config: config, store: store).write(period: period)
                    logger.warning("put back a current workbook that had disappeared from reports/", metadata: ["file": "\(path)"])
                    continue
                }
                let path = try publish(instance, staged: staged, build: build, store: store)
                summary.delivered.append(path)
                if revision > 1 { summary.revised[path] = revision }
                try ManifestWriter(config: config, store: store).write(period: period)
                FaultHook.reached("manifest.after-write")
                logger.info("delivered", metadata: ["job": "\(instance.job.rawValue)", "owner": "\(instance.owner)",
                                                    "period": "\(period)", "revision": "\(revision)"])
            } catch {
                summary.failed.append("\(instance): \(error)")
                try? store.recordFailure(JobFailure(runId: runId, job: instance.job.rawValue, owner: instance.owner, period: period,
                                                    error: "\(error)", failedAt: clock.now))
                logger.error("job failed", metadata: ["job": "\(instance.job.rawValue)", "owner": "\(instance.owner)",
                                                      "period": "\(period)", "error": "\(error)"])
            }
        }
    }

    /// Workbooks built at once: one per core (two here), at most four. `KAM_REPORT_WRITERS`
    /// overrides; 0 builds every workbook on the run's thread, in turn.
    static var workbookWriters: Int {
        if let text = ProcessInfo.processInfo.environment["KAM_REPORT_WRITERS"], let n = Int(text), n >= 0 { return n }
        return max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    }

    private func location(_ instance: JobInstance) -> ReportLocation {
        ReportLocation(instance: instance, organisation: config.organisation)
    }

    /// Puts a rebuilt current revision back under its name. The ledger already records it; if
    /// the rebuilt bytes differ from the recorded ones (a different kam build), the ledger's
    /// checksum follows the file that is now delivered.
    private func restore(_ instance: JobInstance, staged: (temp: URL, figures: String), store: KamStore) throws -> String {
        let location = location(instance)
        let url = location.url(in: config)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            try? FileManager.default.removeItem(at: staged.temp)
            return location.relativePath
        }
        try SecureFiles.commit(staged.temp, to: url)
        let sha = SHA256.hex([UInt8](try Data(contentsOf: url)))
        if let current = try store.latestDelivery(job: instance.job.rawValue, owner: instance.owner, period: instance.period.description),
           current.sha256 != sha, let id = current.id {
            try store.updateDeliveredChecksum(id: id, sha256: sha)
        }
        return location.relativePath
    }

    /// Builds the workbook under its temporary name next to the final one (complete, synced).
    /// Safe on a writer thread: it reads the store and writes only its own temporary file.
    func stage(_ planned: PlannedBuild) -> StagedWorkbook {
        let url = location(planned.instance).url(in: config)
        do {
            var figures = ""
            let temp = try SecureFiles.stage(for: url) { path in
                figures = try planned.job.write(planned.instance, build: planned.build, to: path)
            }
            return StagedWorkbook(result: .success((temp, figures)))
        } catch let overflow as MoneyOverflow {
            return StagedWorkbook(result: .failure(named(overflow, planned)))
        } catch {
            return StagedWorkbook(result: .failure(error))
        }
    }

    /// A sum that does not fit fails this workbook alone (SPEC §8); its message names the
    /// inputs: the subsidiary (the owner, for a subsidiary's own workbook) and the accepted files
    /// of that subsidiary the workbook was built from, which is where a wrong amount has to be
    /// corrected.
    func named(_ overflow: MoneyOverflow, _ planned: PlannedBuild) -> MoneyOverflow {
        var named = overflow
        if named.subsidiary == nil, config.organisation.subsidiary(code: planned.instance.owner) != nil {
            named.subsidiary = planned.instance.owner
        }
        if named.inputs.isEmpty {
            let files = planned.build.inputs.filter { s in named.subsidiary.map { s.subsidiary == $0 } ?? true }
            named.inputs = files.map { "\($0.subsidiary)/\($0.fileName)" }
        }
        return named
    }

    /// Puts a built workbook under its final name: moves the previous revision to
    /// `superseded/`, renames the new one into place, then records it. If a killed run left an
    /// unrecorded build under the final name (its predecessor already moved aside), that file
    /// is simply replaced: it was never delivered.
    private func publish(_ instance: JobInstance, staged: (temp: URL, figures: String), build: BuildInfo, store: KamStore) throws -> String {
        let location = location(instance)
        let url = location.url(in: config)
        let figures = staged.figures
        try SecureFiles.commit(staged.temp, to: url, beforeRename: {
            FaultHook.reached("publish.after-temp")
            let fm = FileManager.default
            if let other = build.displaced {
                let aside = config.reportsFolder.appendingPathComponent(
                    ReportLocation.superseded(of: other.path, revision: other.revision, tag: other.owner))
                if fm.fileExists(atPath: url.path) && !fm.fileExists(atPath: aside.path) { try SecureFiles.move(url, to: aside) }
            }
            guard build.revision > 1 else { return }
            // The previous revision's own file: under the line's former name if it was renamed.
            let previous = build.previousPath.map { config.reportsFolder.appendingPathComponent($0) } ?? url
            let aside = config.reportsFolder.appendingPathComponent(
                ReportLocation.superseded(of: build.previousPath ?? location.relativePath, revision: build.revision - 1))
            if fm.fileExists(atPath: previous.path) && !fm.fileExists(atPath: aside.path) { try SecureFiles.move(previous, to: aside) }
            FaultHook.reached("publish.after-move-aside")
        })
        FaultHook.reached("publish.after-rename")
        let bytes = try Data(contentsOf: url)
        let delivery = Delivery(
            job: instance.job.rawValue, owner: instance.owner, period: instance.period.description, revision: build.revision,
            fireTime: instance.fireTime.description, path: location.relativePath, sha256: SHA256.hex([UInt8](bytes)),
            inputs: RevisionReason.key(build.inputs), reason: build.reason, deliveredAt: clock.now, figures: figures)
        try store.recordDelivery(delivery, statuses: build.statuses.map {
            SubmissionStatusRecord(deliveryId: 0, subsidiary: $0.input.subsidiary, kind: $0.input.kind.rawValue,
                                   period: $0.input.period.description, status: $0.status.label, receivedAt: $0.receivedAt)
        })
        FaultHook.reached("ledger.after-record")
        return location.relativePath
    }
}
