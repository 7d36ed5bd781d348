import Foundation
import KamConfig
import KamIngest
import KamPolicy
import KamStore

/// What `kam status` tells an operator: is kam running, is anything owed, is anyone late.
/// Read-only: it never takes the run lock, so it answers even while a run is going on.
public struct WorkspaceStatus {
    public struct Owed {
        public let subsidiary: String
        public let kind: InputKind
        public let period: Period
        public let dueBy: LocalDateTime
        public let status: SubmissionStatus
    }

    public var runs: [RunRecord] = []
    /// The process holding the run lock now, if any: its unfinished run record (if it has
    /// one yet) is a live run, not one that did not finish.
    public var lockHolder: RunLock.Holder?
    /// Due instances that no run has delivered yet.
    public var pending: [JobInstance] = []
    public var failures: [JobFailure] = []
    /// Late or missing inputs for the latest due instance of each subsidiary job.
    public var owed: [Owed] = []
    /// Folders under the drop folder that belong to no configured subsidiary.
    public var unknownFolders: [String] = []
    /// Rejected files still waiting in a drop folder for a corrected version.
    public var rejectedWaiting: [Submission] = []
    /// The store does not know what `reports/` holds: runs refuse until it is restored.
    public var storeMismatch: DeliveredWorkGuard.Refusal?
    /// Drop entries the latest ingest could not handle (tried again by the next run).
    public var dropProblems: [DropProblemRecord] = []
    /// Current workbooks whose bytes differ from the SHA-256 the ledger recorded (edited by
    /// hand); kam leaves them alone.
    public var editedWorkbooks: [String] = []
    /// Current workbooks missing from `reports/`; the next run puts them back.
    public var missingWorkbooks: [String] = []

    /// Delivered workbooks whose owner the config no longer has (`RetiredOwner`).
    public var retired: [Delivery] = []

    public init(config: KamConfiguration, store: KamStore, clock: ZonedClock) throws {
        runs = try store.recentRuns(limit: 5)
        lockHolder = RunLock.holder(path: config.dataFolder.appendingPathComponent("kam.lock").path)
        do {
            try DeliveredWorkGuard.check(store: store, storePath: config.dataFolder.appendingPathComponent("kam.sqlite").path,
                                         reportsFolder: config.reportsFolder)
        } catch let refusal as DeliveredWorkGuard.Refusal {
            storeMismatch = refusal
        }
        dropProblems = try store.dropProblems()
        for d in try store.currentDeliveries() {
            let url = config.reportsFolder.appendingPathComponent(d.path)
            guard FileManager.default.fileExists(atPath: url.path) else { missingWorkbooks.append(d.path); continue }
            if let sha = try? SHA256.hex(fileAt: url.path), sha != d.sha256 { editedWorkbooks.append(d.path) }
        }
        failures = try store.openFailures()
        let now = clock.localNow
        let due = config.calendar.dueInstances(asOf: now)
        var delivered = Set<String>()
        for d in try store.currentDeliveries() {
            delivered.insert("\(d.job)|\(d.owner)|\(d.period)")
            if RetiredOwner.isRetired(d, organisation: config.organisation) { retired.append(d) }
        }
        for instance in due where !delivered.contains("\(instance.job.rawValue)|\(instance.owner)|\(instance.period)") {
            pending.append(instance)
        }
        let submissions = try store.allSubmissions()
        for cell in SubmissionMatrix(config: config, submissions: submissions, clock: clock).last {
            if case .onTime = cell.status { continue }
            owed.append(Owed(subsidiary: cell.subsidiary, kind: cell.kind, period: cell.period, dueBy: cell.dueBy, status: cell.status))
        }
        let fm = FileManager.default
        let codes = Set(config.organisation.subsidiaries.map(\.code))
        for name in (try? fm.contentsOfDirectory(atPath: config.dropFolder.path))?.sorted() ?? [] where !codes.contains(name) {
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: config.dropFolder.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue {
                unknownFolders.append(name)
            }
        }
        // Listed as the ingest lists them, so a GBK-named file is found by its decoded name.
        var waiting = Set<String>()
        for sub in config.organisation.subsidiaries {
            for entry in (try? DropEntry.list(config.dropFolder.appendingPathComponent(sub.code), subsidiary: sub.code)) ?? [] {
                waiting.insert(entry.displayPath)
            }
        }
        for s in submissions where s.status == .rejected && waiting.contains("\(s.subsidiary)/\(s.fileName)") {
            rejectedWaiting.append(s)
        }
    }
}
