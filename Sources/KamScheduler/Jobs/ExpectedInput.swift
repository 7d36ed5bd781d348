import KamIngest
import KamPolicy
import KamStore

/// An input a subsidiary owes for a job, judged against the fire time of the subsidiary job
/// that needed it (SPEC §2: on time when received before the job fired).
struct ExpectedInput: Hashable {
    let subsidiary: String
    let kind: InputKind
    let period: Period
    /// The fire time of the subsidiary-tier job the input was due for.
    let dueBy: LocalDateTime

    struct Resolved {
        let input: ExpectedInput
        let status: SubmissionStatus
        let receivedAt: Int64?
    }

    func resolve(_ index: SubmissionIndex, clock: ZonedClock) -> Resolved {
        let received = index.firstComplete(subsidiary, kind, period)
        return Resolved(input: self, status: SubmissionStatus.of(firstReceived: received.map(clock.local(of:)), fireTime: dueBy),
                        receivedAt: received)
    }
}

extension ExpectedInput {
    /// The input kind a subsidiary-tier job reads from the subsidiary for its own period, if any
    /// (the proposal reads history only).
    static func kind(owedFor job: JobKind) -> InputKind? {
        switch job {
        case .salesReport: .sales
        case .creditReport: .receivables
        case .fileMaintenance: .customers
        case .visitReport: .visits
        default: nil
        }
    }

    /// What `subsidiary` owes for `job` and `period`, due by that job's fire time.
    static func owed(by job: JobKind, subsidiary: String, period: Period, calendar: PolicyCalendar) -> ExpectedInput? {
        guard let kind = kind(owedFor: job) else { return nil }
        let fireMonth = period.lastMonth.adding(months: 1)
        return ExpectedInput(subsidiary: subsidiary, kind: kind, period: period, dueBy: calendar.fireTime(of: job, in: fireMonth))
    }

    /// The general manager's `approvals_<Q'>` (SPEC §4.6, §9): due by the end of the approval
    /// deadline's day, so `dueBy` is the next midnight — received at 23:59 that day is still on
    /// time, exactly as `ApprovalTimeliness` judges 按时批复 (whose proposal date is the same
    /// `credit-limit-proposal` fire date for Q').
    static func approvals(owedBy subsidiary: String, for quarter: Period, calendar: PolicyCalendar, approvalDays: Int) -> ExpectedInput {
        let proposalDate = calendar.fireTime(of: .creditLimitProposal, in: ProposalBasisMonth.proposalMonth(for: quarter)).date
        return ExpectedInput(subsidiary: subsidiary, kind: .approvals, period: quarter,
                             dueBy: LocalDateTime(date: proposalDate.adding(days: approvalDays + 1), time: .midnight))
    }
}
