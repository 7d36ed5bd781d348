import KamConfig
import KamIngest
import KamPolicy
import KamStore

/// 批复状态 of one subsidiary's limits for Q' (SPEC §4.6), from what the store holds when the
/// workbook is built: the proposal date is the `credit-limit-proposal` fire date for Q' (the date
/// its 资信额度申请表 states), the received time that of the first accepted `approvals_<Q'>` file.
enum ApprovalStatusLookup {
    static func timeliness(_ subsidiary: String, for quarter: Period, config: KamConfiguration, store: KamStore,
                           clock: ZonedClock) throws -> ApprovalTimeliness {
        let proposalDate = config.calendar.fireTime(of: .creditLimitProposal,
                                                    in: ProposalBasisMonth.proposalMonth(for: quarter)).date
        let first = try store.acceptedSubmissions(subsidiary: subsidiary, kind: .approvals)
            .filter { $0.period == quarter }.map(\.receivedAt).min()
        return ApprovalTimeliness(quarter: quarter, proposalDate: proposalDate, approvalDays: config.policy.credit.approvalDays,
                                  firstReceived: first, localTime: clock.local(of:))
    }
}
