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
    /// Due instances of implemented jobs that no run has delivered yet.
    public var pending: [JobInstance] = []
    /// Due instances of jobs this version does not build.
    public var notImplemented = 0
    public var failures: [JobFailure] = []
    /// Late or missing inputs for the latest due instance of each subsidiary job.
    public var owed: [Owed] = []
    /// Folders under the drop folder that belong to no configured subsidiary.
    public var unknownFolders: [String] = []
    /// Rejected files still waiting in a drop folder for a corrected version.
    public var rejectedWaiting: [Submission] = []
    /// Delivered workbooks whose owner the config no longer has (`RetiredOwner`).
    public var retired: [Delivery] = []

    public init(config: KamConfiguration, store: KamStore, clock: ZonedClock) throws {
        runs = try store.recentRuns(limit: 5)
        lockHolder = RunLock.holder(path: config.dataFolder.appendingPathComponent("kam.lock").path)
        failures = try store.openFailures()
        let now = clock.localNow
        let due = config.calendar.dueInstances(asOf: now)
        var delivered = Set<String>()
        for d in try store.currentDeliveries() {
            delivered.insert("\(d.job)|\(d.owner)|\(d.period)")
            if RetiredOwner.isRetired(d, organisation: config.organisation) { retired.append(d) }
        }
        for instance in due where !delivered.contains("\(instance.job.rawValue)|\(instance.owner)|\(instance.period)") {
            if ReportingEngine.implementedJobs.contains(instance.job) { pending.append(instance) } else { notImplemented += 1 }
        }
        let submissions = try store.allSubmissions()
        let index = SubmissionIndex(submissions)
        var latest: [String: JobInstance] = [:]
        for instance in due where instance.job.tier == .subsidiary { latest["\(instance.job.rawValue)|\(instance.owner)"] = instance }
        for instance in latest.values.sorted(by: { ($0.fireTime, $0.job, $0.owner) < ($1.fireTime, $1.job, $1.owner) }) {
            guard let input = ExpectedInput.owed(by: instance.job, subsidiary: instance.owner, period: instance.period,
                                                 calendar: config.calendar) else { continue }
            let resolved = input.resolve(index, clock: clock)
            if case .onTime = resolved.status { continue }
            owed.append(Owed(subsidiary: input.subsidiary, kind: input.kind, period: input.period, dueBy: input.dueBy,
                             status: resolved.status))
        }
        let fm = FileManager.default
        let codes = Set(config.organisation.subsidiaries.map(\.code))
        for name in (try? fm.contentsOfDirectory(atPath: config.dropFolder.path))?.sorted() ?? [] where !codes.contains(name) {
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: config.dropFolder.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue {
                unknownFolders.append(name)
            }
        }
        for s in submissions where s.status == Submission.rejected {
            if fm.fileExists(atPath: config.dropFolder.appendingPathComponent("\(s.subsidiary)/\(s.fileName)").path) {
                rejectedWaiting.append(s)
            }
        }
    }
}
