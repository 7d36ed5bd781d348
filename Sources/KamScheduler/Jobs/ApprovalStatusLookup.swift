import KamConfig
import KamIngest
import KamPolicy

/// 批复状态 of one subsidiary's limits for Q' (SPEC §4.6), from the job's resolved inputs like
/// every other figure: the proposal date is the `credit-limit-proposal` fire date for Q' (the date
/// its 资信额度申请表 states), the received time that of the first accepted `approvals_<Q'>` file.
/// Q' must be in one of the job's declared reads (credit-report reads Q's approvals, hq-quarterly
/// Q+1's): the file read for Q' is then in the workbook's 数据来源 and in its revision key, so an
/// approval that arrives later makes a new revision; an undeclared read is refused
/// (`ResolvedInputs.UndeclaredRead`) rather than answered from the store behind the lineage.
enum ApprovalStatusLookup {
    static func timeliness(_ subsidiary: String, for quarter: Period, read scope: SubsidiaryInputs.Scope,
                           build: BuildInfo, config: KamConfiguration, clock: ZonedClock) throws -> ApprovalTimeliness {
        let proposalDate = config.calendar.fireTime(of: .creditLimitProposal,
                                                    in: ProposalBasisMonth.proposalMonth(for: quarter)).date
        let files = try build.resolved.files(subsidiary, scope)
        guard scope.quarters(of: .approvals).includes(quarter, among: [quarter]) else {
            throw ResolvedInputs.UndeclaredRead(subsidiary: subsidiary, scope: "approvals \(quarter) outside \(scope)")
        }
        let first = files.firstReceived[.approvals]?[quarter]
        return ApprovalTimeliness(quarter: quarter, proposalDate: proposalDate, approvalDays: config.policy.credit.approvalDays,
                                  firstReceived: first, localTime: clock.local(of:))
    }
}
