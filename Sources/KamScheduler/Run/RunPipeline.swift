import Foundation
import Synchronization
import KamConfig
import KamIngest
import KamPolicy
import KamReports
import KamStore
import Logging

/// One run's deliveries, as named stages in one place (the way swift-openapi-generator's
/// `GeneratorPipeline` names parse → translate → render):
///
/// - `plan`: which of the given instances may need a build now — not yet delivered, inputs
///   accepted since the last check, a current workbook gone from `reports/`, or `kam report`.
/// - `resolve`: each one's `ResolvedInputs` (the exact files it reads) from the run's
///   `SubmissionIndex`, and the revision decision against the ledger: first, inputs changed,
///   requested, put back as it was, or nothing to do.
/// - `load`: each build reads its files through `SharedInputs`, shared with the builds near it
///   in the plan that read the same files.
/// - `compute`: the policy's figures (`KamPolicy`), shared between builds through `ReportMemo`.
/// - `write`: the workbook under a temporary name (`stage`), on writer threads a few ahead.
/// - `publish`: in plan order, the previous revision to `superseded/`, the new one in place,
///   the ledger, the manifest; a failure is recorded for that workbook alone.
///
/// load → compute → write run inside each job's `write(_:build:loader:to:)`, called by `stage`.
struct RunPipeline {
    let config: KamConfiguration
    let clock: ZonedClock
    let logger: Logger
    let store: KamStore
    let runId: Int64
    /// The manifest entries this run has encoded (`ManifestWriter.encoded`).
    let manifestEntries = ManifestEntryCache()

    /// The run's shared state across stages: what the store holds now, read once.
    struct Context {
        let index: SubmissionIndex
        let known: [Int64: Submission]
        let current: [String: Delivery]
        let memo: ReportMemo
        let shared: SharedInputs
    }

    /// An instance the plan stage kept: what the ledger says of it now.
    struct Candidate {
        let instance: JobInstance
        let job: ReportJob
        let previous: Delivery?
        /// The current revision's file has disappeared from `reports/`.
        let missing: Bool
    }

    func context() throws -> Context {
        let submissions = try store.allSubmissions()
        let index = SubmissionIndex(submissions)
        var current: [String: Delivery] = [:]
        for d in try store.currentDeliveries() { current[Self.ledgerKey(d.job, d.owner, d.period.description)] = d }
        return Context(index: index, known: Dictionary(uniqueKeysWithValues: submissions.compactMap { s in s.id.map { ($0, s) } }),
                       current: current, memo: ReportMemo(index: index, store: store, configFingerprint: config.fingerprint),
                       shared: SharedInputs(store: store))
    }

    static func ledgerKey(_ job: String, _ owner: String, _ period: String) -> String { "\(job)|\(owner)|\(period)" }

    /// All stages for `instances`, in order.
    func deliver(_ instances: [JobInstance], forced: Bool, checkRevisions: Bool, into summary: inout RunSummary,
                 shouldStop: () -> Bool) throws {
        let context = try context()
        let candidates = plan(instances, forced: forced, checkRevisions: checkRevisions, context: context)
        let builds = resolve(candidates, forced: forced, checkRevisions: checkRevisions, context: context)
        write(builds, context: context, into: &summary, shouldStop: shouldStop)
    }

    // MARK: plan

    /// Keeps the instances that may need a build. Cheap: the ledger read once, one stat per delivery.
    func plan(_ instances: [JobInstance], forced: Bool, checkRevisions: Bool, context: Context) -> [Candidate] {
        instances.compactMap { instance in
            let previous = context.current[Self.ledgerKey(instance.job.rawValue, instance.owner, instance.period.description)]
            // A current workbook someone deleted is put back as it was.
            let missing = previous.map { !FileManager.default.fileExists(atPath: config.reportsFolder.appendingPathComponent($0.path).path) } ?? false
            // Nothing accepted since the last check: a delivered instance cannot be out of date.
            if previous != nil && !forced && !checkRevisions && !missing { return nil }
            return Candidate(instance: instance, job: job(instance.job, context: context), previous: previous, missing: missing)
        }
    }

    func job(_ kind: JobKind, context: Context) -> ReportJob {
        let memo = context.memo
        return switch kind {
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

    // MARK: resolve

    /// Resolves each candidate's inputs and decides its revision; drops those with nothing to
    /// do. Tells the memo and the shared loads how many planned builds will ask for what.
    func resolve(_ candidates: [Candidate], forced: Bool, checkRevisions: Bool, context: Context) -> [PlannedBuild] {
        var plan: [PlannedBuild] = []
        var salesReportsAhead = Set<String>()  // subsidiary|period of each sales report this run delivers, in plan order
        for candidate in candidates {
            let instance = candidate.instance, job = candidate.job
            let resolved = job.resolve(instance, index: context.index)
            let revision: Int, reason: String
            if let previous = candidate.previous {
                if forced {
                    reason = RevisionReason.requested
                } else {
                    // Inputs already checked against this revision (a rebuild from them showed
                    // nothing new) count as known.
                    let known = previous.checkedInputs.isEmpty ? previous.inputs : previous.checkedInputs
                    let inputsChanged = checkRevisions && known != RevisionReason.key(resolved.submissions)
                    let reconciling = inputsChanged ? [] : reconciledAgain(instance, salesReportsAhead: salesReportsAhead)
                    guard inputsChanged || !reconciling.isEmpty else {
                        if candidate.missing {
                            let statuses = job.expectedInputs(for: instance).map { $0.resolve(context.index, clock: clock) }
                            plan.append(PlannedBuild(instance: instance, job: job, build: BuildInfo(
                                revision: previous.revision, reason: previous.reason, resolved: resolved, statuses: statuses),
                                restoring: true))
                        }
                        continue
                    }
                    reason = inputsChanged
                        ? RevisionReason.inputsChanged(previous: RevisionReason.ids(previous.inputs), now: resolved.submissions,
                                                       known: context.known, clock: clock)
                        : RevisionReason.reconciling(reconciling, period: instance.period)
                }
                revision = previous.revision + 1
            } else {
                revision = 1
                reason = RevisionReason.first
            }
            let statuses = job.expectedInputs(for: instance).map { $0.resolve(context.index, clock: clock) }
            var build = BuildInfo(revision: revision, reason: reason, resolved: resolved, statuses: statuses)
            let path = location(instance).relativePath
            if let previous = candidate.previous, previous.path != path { build.previousPath = previous.path }
            if let previous = candidate.previous, !forced, !previous.visibleDigest.isEmpty { build.keptIfUnchanged = previous }
            build.displaced = context.current.values.first {
                $0.path == path && RetiredOwner.isRetired($0, organisation: config.organisation)
            }
            plan.append(PlannedBuild(instance: instance, job: job, build: build))
            if instance.job == .salesReport { salesReportsAhead.insert("\(instance.owner)|\(instance.period)") }
        }
        context.memo.expect(plan.flatMap { $0.job.reportsUsed(for: $0.instance) })
        return plan
    }

    /// The subsidiaries whose 客户销售报表 a delivered line summary must be checked against again:
    /// those this run delivers before it (a report that failed when the summary was built is
    /// delivered by a later run, whose summary inputs are the same files — without this, the
    /// summary kept saying "尚未交付, 无法核对" for it). A rebuild that reads the same in the end
    /// keeps the delivered revision (`keptIfUnchanged`), so a report that fails again, or is
    /// re-sent with the same figures, makes no new summary revision.
    func reconciledAgain(_ instance: JobInstance, salesReportsAhead: Set<String>) -> [String] {
        guard instance.job == .lineSummary, !salesReportsAhead.isEmpty else { return [] }
        return config.organisation.subsidiaries
            .filter { $0.lineCode == instance.owner && salesReportsAhead.contains("\($0.code)|\(instance.period)") }
            .map(\.code)
    }

    /// The order the plan is built in, as indices into it: line by line, each subsidiary's own
    /// workbooks next to each other (in plan order, subsidiaries in the order they first
    /// appear), then the line's consolidations; the group's at the end. They are still
    /// published oldest first, in plan order (SPEC §2); only the building is reordered.
    ///
    /// `SharedInputs` keeps a loaded history or snapshot until the last build that expects it
    /// is done; in plan order a subsidiary's builds are spread over the whole run (its
    /// proposals, then the month's sales reports of every subsidiary, then every credit report
    /// …), so they would all be held at once or each read again. Built together, a
    /// subsidiary's files are read once for all its workbooks and held only while they are
    /// built. A consolidation reads what its line's builds hand over (`ReportMemo`), so it is
    /// built after all of them — and right after, so the memo does not hold one line's
    /// figures while the other line is built.
    func buildOrder(_ plan: [PlannedBuild]) -> [Int] {
        let organisation = config.organisation
        var lines: [String] = []
        var owners: [String: [String]] = [:]
        var byOwner: [String: [Int]] = [:]
        var rest: [Int] = []
        for (index, planned) in plan.enumerated() {
            let owner = planned.instance.owner
            let line = organisation.subsidiary(code: owner)?.lineCode ?? (organisation.line(code: owner) != nil ? owner : nil)
            guard let line else {
                rest.append(index)
                continue
            }
            if owners[line] == nil { lines.append(line) }
            if byOwner[owner] == nil { owners[line, default: []].append(owner) }
            byOwner[owner, default: []].append(index)
        }
        // Within a line, the subsidiaries first, then the line's own (consolidated) builds.
        return lines.flatMap { line in
            let members = owners[line] ?? []
            return (members.filter { $0 != line } + members.filter { $0 == line }).flatMap { byOwner[$0] ?? [] }
        } + rest
    }

    /// Whether a build shares its loads with the others (`SharedInputs`): a subsidiary's own
    /// workbooks do; a consolidation, which reads every subsidiary, loads for itself.
    func sharesLoads(_ planned: PlannedBuild) -> Bool {
        config.organisation.subsidiary(code: planned.instance.owner) != nil
    }

    // MARK: load, compute, write — then publish

    /// Writer threads build the planned workbooks in `buildOrder` (the policy and the zlib of
    /// the .xlsx are most of a run after ingest) while this thread publishes each, oldest
    /// first, in plan order, as soon as it is built; a built workbook waits for its turn as a
    /// temporary file. A line summary reads the ledger figures of the sales reports before it,
    /// so it is built here, once they are recorded: while this thread waits for the writers,
    /// it builds the line summaries whose line's reports are all published (`readySummary`),
    /// and each waits for its turn like the others. Built at their turn instead, a quarter
    /// close's six summaries came last, one after another on this thread while the writers
    /// had nothing left (≈ 1.2 s of the scale run's tail on one core, BENCHMARKS.md 2026-12-04
    /// late night). Output is byte-identical to building in turn.
    func write(_ plan: [PlannedBuild], context: Context, into summary: inout RunSummary, shouldStop: () -> Bool) {
        for folder in Set(plan.map { location($0.instance).url(in: config).deletingLastPathComponent() }) {
            try? SecureFiles.makeFolder(folder)
        }
        let writers = Self.workbookWriters
        let pipeline = self
        let shared = context.shared
        let order = buildOrder(plan)
        var built = [Int](repeating: 0, count: plan.count)  // plan index → its position in `order`
        for (position, index) in order.enumerated() {
            built[index] = position
            if sharesLoads(plan[index]) { shared.expect(plan[index].build.resolved, at: position) }
        }
        // The whole plan as the window: what waits is a temporary file and its ledger figures.
        let ahead = OrderedLookahead<StagedWorkbook?>(count: plan.count, workers: writers, window: plan.count) { position in
            let planned = plan[order[position]]
            return planned.instance.job == .lineSummary ? nil : pipeline.stage(planned, at: position, shared: shared)
        }
        var early: [Int: StagedWorkbook] = [:]  // plan index → a line summary built before its turn
        defer {
            for left in ahead.finish() + Array(early.values) {
                if case .success(let built)? = left?.result, let temp = built.temp { try? FileManager.default.removeItem(at: temp) }
            }
        }
        for (index, planned) in plan.enumerated() {
            if shouldStop() {
                summary.stoppedEarly = true
                logger.notice("stopping before the next workbook, as asked; the next run continues")
                break
            }
            if planned.instance.job != .lineSummary {
                while !ahead.isReady(built[index]), let ready = readySummary(plan, publishedBefore: index, built: early) {
                    early[ready] = stage(plan[ready], at: built[ready], shared: shared)
                }
            } else if writers > 0, early[index] == nil {
                // Its turn: it and the summaries after it that are ready too are built side by
                // side (at the end of a quarter close the writers have nothing left).
                let ready = readySummaries(plan, publishedBefore: index, built: early)  // itself first
                if ready.count > 1 {
                    let results = Mutex([Int: StagedWorkbook]())
                    let pipeline = self, positions = built
                    DispatchQueue.concurrentPerform(iterations: ready.count) { n in
                        let k = ready[n]
                        let staged = pipeline.stage(plan[k], at: positions[k], shared: shared)
                        results.withLock { $0[k] = staged }
                    }
                    early.merge(results.withLock { $0 }) { a, _ in a }
                }
            }
            let prebuilt = early.removeValue(forKey: index) ?? ahead.take(built[index]) ?? nil
            let staged = (prebuilt ?? stage(planned, at: built[index], shared: shared)).result
            publish(planned, staged: staged, known: context.known, into: &summary)
        }
    }

    /// The first line summary after plan index `next` not built yet whose line's sales and
    /// credit reports of its period that come before it in the plan are all published (their
    /// indices are below `next`): built now, it reads the ledger as it would at its turn (the
    /// plan items between are not its line's reports), and finds their figures handed over.
    func readySummary(_ plan: [PlannedBuild], publishedBefore next: Int, built: [Int: StagedWorkbook]) -> Int? {
        readySummaries(plan, publishedBefore: next, built: built, first: true).first
    }

    /// Every line summary from plan index `next` on (itself included) not built yet that is
    /// ready in `readySummary`'s sense; only the first with `first`.
    func readySummaries(_ plan: [PlannedBuild], publishedBefore next: Int, built: [Int: StagedWorkbook],
                        first: Bool = false) -> [Int] {
        guard next < plan.count else { return [] }
        let organisation = config.organisation
        var ready: [Int] = []
        for candidate in next..<plan.count where plan[candidate].instance.job == .lineSummary && built[candidate] == nil {
            let summary = plan[candidate].instance
            let waitsFor = plan[next..<candidate].contains { item in
                (item.instance.job == .salesReport || item.instance.job == .creditReport) && item.instance.period == summary.period
                    && organisation.subsidiary(code: item.instance.owner)?.lineCode == summary.owner
            }
            if !waitsFor {
                ready.append(candidate)
                if first { break }
            }
        }
        return ready
    }

    /// Workbooks built at once: one per core (two here), at most four. `KAM_REPORT_WRITERS`
    /// overrides; 0 builds every workbook on the run's thread, in turn.
    static var workbookWriters: Int {
        if let text = ProcessInfo.processInfo.environment["KAM_REPORT_WRITERS"], let n = Int(text), n >= 0 { return n }
        return max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    }

    func location(_ instance: JobInstance) -> ReportLocation {
        ReportLocation(instance: instance, organisation: config.organisation)
    }

    /// load → compute → write: builds the workbook under its temporary name next to the final
    /// one (complete, synced). Safe on a writer thread: it reads the store and writes only its
    /// own temporary file. Its shared loads are released when it is done, built or not.
    func stage(_ planned: PlannedBuild, at position: Int, shared: SharedInputs) -> StagedWorkbook {
        defer { shared.release(planned.loads, at: position) }
        let url = location(planned.instance).url(in: config)
        let loader = SubsidiaryInputs(config: config, resolved: planned.build.resolved, shared: shared, position: position)
        do {
            var written = WrittenWorkbook()
            let temp = try SecureFiles.stage(for: url) { path in
                written = try planned.job.write(planned.instance, build: planned.build, loader: loader, to: path)
                // `WorkbookShell` writes no file for a rebuild showing what the kept revision shows.
                return !(written.visibleDigest == planned.build.keptIfUnchanged?.visibleDigest
                         && !FileManager.default.fileExists(atPath: path))
            }
            return StagedWorkbook(result: .success((temp, written)))
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
            // In the order the workbook's 数据来源 would list them.
            named.inputs = LineageOrder(config.organisation).sorted(files).map { "\($0.subsidiary)/\($0.fileName)" }
        }
        return named
    }

    // MARK: publish

    /// Puts one staged workbook in place and records it, or records why it failed.
    func publish(_ planned: PlannedBuild, staged: Result<(temp: URL?, written: WrittenWorkbook), any Error>,
                 known: [Int64: Submission], into summary: inout RunSummary) {
        let manifests = ManifestWriter(config: config, store: store, known: known, encoded: manifestEntries)
        let instance = planned.instance, build = planned.build, revision = build.revision
        let period = instance.period
        do {
            let (temp, written) = try staged.get()
            if let kept = build.keptIfUnchanged, let id = kept.id, kept.visibleDigest == written.visibleDigest {
                if let temp { try? FileManager.default.removeItem(at: temp) }
                try store.recordCheckedInputs(deliveryId: id, inputs: RevisionReason.key(build.inputs))
                summary.unchangedRebuilds.append(kept.path)
                logger.info("rebuilt from new inputs, nothing a reader sees changed: the delivered revision stays",
                            metadata: ["file": "\(kept.path)", "revision": "\(kept.revision)"])
                return
            }
            // Not reached: only a build showing what its kept revision shows leaves no file.
            guard let temp else { throw FileStepError(operation: "find the built", path: location(instance).relativePath, code: ENOENT) }
            let staged = (temp: temp, written: written)
            if planned.restoring {
                let path = try restore(instance, staged: staged)
                summary.restored.append(path)
                try manifests.write(period: period)
                logger.warning("put back a current workbook that had disappeared from reports/", metadata: ["file": "\(path)"])
                return
            }
            let path = try putInPlace(instance, staged: staged, build: build)
            summary.delivered.append(path)
            if revision > 1 { summary.revised[path] = revision }
            try manifests.write(period: period)
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

    /// Puts a rebuilt current revision back under its name. The ledger already records it; if
    /// the rebuilt bytes differ from the recorded ones (a different kam build), the ledger's
    /// checksum follows the file that is now delivered.
    private func restore(_ instance: JobInstance, staged: (temp: URL, written: WrittenWorkbook)) throws -> String {
        let location = location(instance)
        let url = location.url(in: config)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            try? FileManager.default.removeItem(at: staged.temp)
            return location.relativePath
        }
        try SecureFiles.commit(staged.temp, to: url)
        let sha = SHA256.hex([UInt8](try Data(contentsOf: url)))
        if let current = try store.latestDelivery(job: instance.job.rawValue, owner: instance.owner, period: instance.period),
           current.sha256 != sha, let id = current.id {
            try store.updateDeliveredChecksum(id: id, sha256: sha)
        }
        return location.relativePath
    }

    /// Puts a built workbook under its final name: moves the previous revision to
    /// `superseded/`, renames the new one into place, then records it. If a killed run left an
    /// unrecorded build under the final name (its predecessor already moved aside), that file
    /// is simply replaced: it was never delivered.
    private func putInPlace(_ instance: JobInstance, staged: (temp: URL, written: WrittenWorkbook), build: BuildInfo) throws -> String {
        let location = location(instance)
        let url = location.url(in: config)
        var movedAside: [(from: URL, to: URL)] = []
        try SecureFiles.commit(staged.temp, to: url, beforeRename: {
            FaultHook.reached("publish.after-temp")
            let fm = FileManager.default
            if let other = build.displaced {
                let aside = config.reportsFolder.appendingPathComponent(
                    ReportLocation.superseded(of: other.path, revision: other.revision, tag: other.owner))
                if fm.fileExists(atPath: url.path) && !fm.fileExists(atPath: aside.path) {
                    try SecureFiles.move(url, to: aside)
                    movedAside.append((url, aside))
                }
            }
            guard build.revision > 1 else { return }
            // The previous revision's own file: under the line's former name if it was renamed.
            let previous = build.previousPath.map { config.reportsFolder.appendingPathComponent($0) } ?? url
            let aside = config.reportsFolder.appendingPathComponent(
                ReportLocation.superseded(of: build.previousPath ?? location.relativePath, revision: build.revision - 1))
            if fm.fileExists(atPath: previous.path) && !fm.fileExists(atPath: aside.path) {
                try SecureFiles.move(previous, to: aside)
                movedAside.append((previous, aside))
            }
            FaultHook.reached("publish.after-move-aside")
        })
        FaultHook.reached("publish.after-rename")
        do {
            try FaultHook.failRecording()
            let bytes = try Data(contentsOf: url)
            let delivery = Delivery(
                job: instance.job.rawValue, owner: instance.owner, period: instance.period, revision: build.revision,
                fireTime: instance.fireTime.description, path: location.relativePath, sha256: SHA256.hex([UInt8](bytes)),
                inputs: RevisionReason.key(build.inputs), reason: build.reason, deliveredAt: clock.now, figures: staged.written.figures,
                missingInputs: staged.written.missingInputs.joined(separator: "\n"), visibleDigest: staged.written.visibleDigest)
            try store.recordDelivery(delivery, statuses: build.statuses.map {
                SubmissionStatusRecord(deliveryId: 0, subsidiary: $0.input.subsidiary, kind: $0.input.kind,
                                       period: $0.input.period, status: $0.status.state, receivedAt: $0.receivedAt)
            })
        } catch {
            takeBack(url, movedAside: movedAside)
            throw error
        }
        FaultHook.reached("ledger.after-record")
        return location.relativePath
    }

    /// The ledger could not record a workbook just put in place (a full disk, a store that
    /// became read-only): it is taken out again and what it displaced goes back, so `reports/`
    /// holds only what the ledger knows and the next run builds it again. Left there, every
    /// such workbook was a file the ledger never wrote, and the next run refused to start
    /// (`DeliveredWorkGuard`) — found by the fault campaign's "disk full during workbooks" once
    /// the ingest's smaller write-ahead log let the ingest fit and the workbooks fill the disk.
    /// Best effort: a step that fails here leaves what a kill at that moment would.
    private func takeBack(_ url: URL, movedAside: [(from: URL, to: URL)]) {
        guard unlink(url.path) == 0 else { return }
        try? SecureFiles.syncFileSystems(of: [url.deletingLastPathComponent()])
        for move in movedAside.reversed() { try? SecureFiles.move(move.to, to: move.from) }
    }
}
