/// The policy's deadlines (SPEC §2, §8 "Calendar and runs"): which job instances exist, when
/// each fires, and which are due at a given wall-clock time.
public struct PolicyCalendar: Sendable {
    public let organisation: Organisation
    /// Day of month per job (config `calendar`).
    public let days: [JobKind: Int]
    public let runAt: TimeOfDay
    /// The first reported period: instances of earlier periods are history only.
    public let since: YearMonth
    public let workdays: WorkdayCalendar

    public init(organisation: Organisation, days: [JobKind: Int] = [:], runAt: TimeOfDay = .defaultRunAt,
                since: YearMonth, workdays: WorkdayCalendar = WorkdayCalendar()) {
        self.organisation = organisation
        self.days = days
        self.runAt = runAt
        self.since = since
        self.workdays = workdays
    }

    private static let quarterStartMonths: Set<Int> = [1, 4, 7, 10]
    private static let quarterEndMonths: Set<Int> = [3, 6, 9, 12]

    /// The period the job reports when it fires in `month` for a line of `cadence`,
    /// or nil when the job does not fire that month.
    public static func reportedPeriod(of job: JobKind, firingIn month: YearMonth, cadence: Cadence) -> Period? {
        let quarterStart = quarterStartMonths.contains(month.month)
        switch job {
        case .salesReport, .lineSummary:
            guard cadence == .monthly || quarterStart else { return nil }
            return cadence.reportedPeriod(firingIn: month)
        case .creditReport, .fileMaintenance, .visitReport, .hqQuarterly:
            guard quarterStart else { return nil }
            return Cadence.quarterly.reportedPeriod(firingIn: month)
        case .creditLimitProposal:
            guard quarterEndMonths.contains(month.month) else { return nil }
            return Period.quarter(containing: month).shifted(by: 1)
        case .keyAccountReview:
            guard month.month == 1 else { return nil }
            return .year(month.year - 1)
        }
    }

    /// The fire time of `job` in `month`, after the optional workday shift. The day is clamped
    /// to the month's length so that a configured 31 still fires in a 30-day month.
    public func fireTime(of job: JobKind, in month: YearMonth) -> LocalDateTime {
        let wanted = days[job] ?? job.defaultDay
        let day = min(max(wanted, 1), LocalDate.daysIn(year: month.year, month: month.month))
        let nominal = LocalDate(year: month.year, month: month.month, day: day)
            ?? LocalDate(daysSinceEpoch: 0)
        return LocalDateTime(date: workdays.deadline(for: nominal), time: runAt)
    }

    /// Whether an instance for `period` is reported at all: its first month is at or after `since`.
    public func isReported(_ period: Period) -> Bool { period.firstMonth >= since }

    /// Every job instance whose nominal fire month lies in `first...last`, in fire order
    /// (then job order, then owner), including those of periods before `since` only if asked.
    public func instances(firingFrom first: YearMonth, through last: YearMonth,
                          jobs: Set<JobKind> = Set(JobKind.allCases)) -> [JobInstance] {
        var result: [JobInstance] = []
        for month in YearMonth.range(first, through: last) {
            for job in JobKind.allCases where jobs.contains(job) {
                result += instances(of: job, firingIn: month)
            }
        }
        return result.sorted { ($0.fireTime, $0.job, $0.owner) < ($1.fireTime, $1.job, $1.owner) }
    }

    /// Instances due at `asOf`: fire time ≤ asOf and period reported (≥ `since`).
    public func dueInstances(asOf: LocalDateTime, jobs: Set<JobKind> = Set(JobKind.allCases)) -> [JobInstance] {
        // A proposal fires in the quarter before its period, so start one quarter early.
        let first = since.adding(months: -3)
        // A workday shift can push a fire date into the next month, never further.
        return instances(firingFrom: first, through: asOf.date.yearMonth, jobs: jobs)
            .filter { $0.fireTime <= asOf && isReported($0.period) }
    }

    private func instances(of job: JobKind, firingIn month: YearMonth) -> [JobInstance] {
        let fire = fireTime(of: job, in: month)
        switch job.tier {
        case .subsidiary:
            return organisation.subsidiaries.compactMap { sub in
                guard let cadence = organisation.cadence(ofSubsidiary: sub.code),
                      let period = Self.reportedPeriod(of: job, firingIn: month, cadence: cadence) else { return nil }
                return JobInstance(job: job, owner: sub.code, period: period, fireTime: fire)
            }
        case .management:
            return organisation.lines.compactMap { line in
                guard let period = Self.reportedPeriod(of: job, firingIn: month, cadence: line.cadence) else { return nil }
                return JobInstance(job: job, owner: line.code, period: period, fireTime: fire)
            }
        case .hq:
            guard let period = Self.reportedPeriod(of: job, firingIn: month, cadence: .quarterly) else { return [] }
            return [JobInstance(job: job, owner: JobInstance.groupOwner, period: period, fireTime: fire)]
        }
    }
}
