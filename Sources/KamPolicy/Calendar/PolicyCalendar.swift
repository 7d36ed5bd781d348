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

    /// The periods the job reports when it fires in `month` for a line of `cadence` (none when
    /// it does not fire that month). Every line reports quarterly (seed 002 第八条: the quarterly
    /// sales analysis by the 6th, 总管理部's quarterly summary by the 8th); a monthly line adds
    /// the monthly report, so in Jan/Apr/Jul/Oct its `sales-report` and `line-summary` have two
    /// instances: the previous month, then the previous quarter (SPEC §2).
    public static func reportedPeriods(of job: JobKind, firingIn month: YearMonth, cadence: Cadence) -> [Period] {
        let quarterStart = quarterStartMonths.contains(month.month)
        switch job {
        case .salesReport, .lineSummary:
            switch (cadence, quarterStart) {
            case (.monthly, true): return [Cadence.monthly.reportedPeriod(firingIn: month), Cadence.quarterly.reportedPeriod(firingIn: month)]
            case (.monthly, false): return [Cadence.monthly.reportedPeriod(firingIn: month)]
            case (.quarterly, true): return [Cadence.quarterly.reportedPeriod(firingIn: month)]
            case (.quarterly, false): return []
            }
        case .creditReport, .fileMaintenance, .visitReport, .hqQuarterly:
            guard quarterStart else { return [] }
            return [Cadence.quarterly.reportedPeriod(firingIn: month)]
        case .creditLimitProposal:
            guard quarterEndMonths.contains(month.month) else { return [] }
            return [Period.quarter(containing: month).shifted(by: 1)]
        case .keyAccountReview:
            guard month.month == 1 else { return [] }
            return [.year(month.year - 1)]
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
        // Built month by month with a monthly line's month instance before its quarter instance;
        // the position breaks ties so that order holds whatever the sort.
        return result.enumerated().sorted {
            ($0.element.fireTime, $0.element.job, $0.element.owner, $0.offset) < ($1.element.fireTime, $1.element.job, $1.element.owner, $1.offset)
        }.map(\.element)
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
            return organisation.subsidiaries.flatMap { sub -> [JobInstance] in
                guard let cadence = organisation.cadence(ofSubsidiary: sub.code) else { return [] }
                return Self.reportedPeriods(of: job, firingIn: month, cadence: cadence).map {
                    JobInstance(job: job, owner: sub.code, period: $0, fireTime: fire)
                }
            }
        case .management:
            return organisation.lines.flatMap { line in
                Self.reportedPeriods(of: job, firingIn: month, cadence: line.cadence).map {
                    JobInstance(job: job, owner: line.code, period: $0, fireTime: fire)
                }
            }
        case .hq:
            return Self.reportedPeriods(of: job, firingIn: month, cadence: .quarterly).map {
                JobInstance(job: job, owner: JobInstance.groupOwner, period: $0, fireTime: fire)
            }
        }
    }
}
