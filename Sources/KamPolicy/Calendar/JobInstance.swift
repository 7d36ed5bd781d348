/// One job for one owner and one period: the unit the run ledger marks done exactly once.
public struct JobInstance: Hashable, Sendable, CustomStringConvertible {
    public let job: JobKind
    /// Subsidiary code, business line code, or `集团` for the group.
    public let owner: String
    public let period: Period
    /// When the job fires, after any workday shift.
    public let fireTime: LocalDateTime

    public init(job: JobKind, owner: String, period: Period, fireTime: LocalDateTime) {
        self.job = job
        self.owner = owner
        self.period = period
        self.fireTime = fireTime
    }

    public var description: String { "\(job.rawValue) \(owner) \(period) @ \(fireTime)" }

    /// The owner name used for the group-level jobs.
    public static let groupOwner = "集团"
}
