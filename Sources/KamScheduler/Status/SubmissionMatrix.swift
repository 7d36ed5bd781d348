import KamConfig
import KamIngest
import KamPolicy
import KamStore

/// Who owes which input for the last and the next fire time (SPEC §10's submission matrix, and
/// `kam status`'s late or missing list, which is the last fire time's cells that were not on
/// time): one computation, read by both.
public struct SubmissionMatrix: Sendable {
    /// One expected input of one subsidiary.
    public struct Cell: Sendable {
        public let subsidiary: String
        public let kind: InputKind
        public let period: Period
        /// The fire time of the subsidiary job that needs it.
        public let dueBy: LocalDateTime
        public let status: SubmissionStatus
        /// The fire time is still ahead: a missing input is not yet late (待报送).
        public let upcoming: Bool

        /// 已按时接收 / 逾期接收 / 未报送, or 待报送 before the deadline.
        public var label: String {
            switch status {
            case .onTime: "已按时接收"
            case .late: "逾期接收"
            case .missing: upcoming ? "待报送" : "未报送"
            }
        }

        /// `ontime`, `late`, `missing`, `pending`: for colouring.
        public var tone: String {
            switch status {
            case .onTime: "ontime"
            case .late: "late"
            case .missing: upcoming ? "pending" : "missing"
            }
        }
    }

    /// The latest due instance of each subsidiary job, owner and period length, in fire order.
    public let last: [Cell]
    /// The first instance of each subsidiary job and owner still to fire.
    public let next: [Cell]

    public init(config: KamConfiguration, submissions: [Submission], clock: ZonedClock) {
        let now = clock.localNow
        let calendar = config.calendar
        let index = SubmissionIndex(submissions)
        func cells(_ instances: [JobInstance], upcoming: Bool) -> [Cell] {
            instances.compactMap { instance in
                guard let input = ExpectedInput.owed(by: instance.job, subsidiary: instance.owner, period: instance.period,
                                                     calendar: calendar) else { return nil }
                let resolved = input.resolve(index, clock: clock)
                return Cell(subsidiary: input.subsidiary, kind: input.kind, period: input.period, dueBy: input.dueBy,
                            status: resolved.status, upcoming: upcoming)
            }
        }
        func ordered(_ byKey: [String: JobInstance]) -> [JobInstance] {
            byKey.values.sorted { ($0.fireTime, $0.job, $0.owner) < ($1.fireTime, $1.job, $1.owner) }
        }
        var latest: [String: JobInstance] = [:]
        // The latest instance of each job, owner and period length: a monthly line's month and
        // quarter instances each owe their own input.
        for instance in calendar.dueInstances(asOf: now) where instance.job.tier == .subsidiary {
            latest["\(instance.job.rawValue)|\(instance.owner)|\(instance.period.isQuarter)"] = instance
        }
        var coming: [String: JobInstance] = [:]
        let ahead = calendar.instances(firingFrom: now.date.yearMonth, through: now.date.yearMonth.adding(months: 3))
        for instance in ahead where instance.job.tier == .subsidiary && now < instance.fireTime && calendar.isReported(instance.period) {
            let key = "\(instance.job.rawValue)|\(instance.owner)|\(instance.period.isQuarter)"
            if coming[key] == nil { coming[key] = instance }
        }
        last = cells(ordered(latest), upcoming: false)
        next = cells(ordered(coming), upcoming: true)
    }
}
