import KamConfig
import KamPolicy
import KamReports
import KamStore

/// `credit-limit-proposal` for quarter Q', made in the last month of Q'−1: everything known
/// by then (the basis month is earlier still).
struct CreditLimitProposalJob: ReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock
    let memo: ReportMemo

    /// Q'−1's approvals too: the form shows each customer's current limit beside the proposal.
    static func scope(_ quarter: Period) -> SubsidiaryInputs.Scope {
        let before = quarter.previous
        return SubsidiaryInputs.Scope(salesMonths: before.creditWindow, receivables: .through(before),
                                      approvals: .only([before]), customerFiles: .through(before))
    }

    func inputs(for instance: JobInstance, index: SubmissionIndex) -> [Submission] {
        SubsidiaryInputs.submissions(instance.owner, scope: Self.scope(instance.period), index: index)
    }

    func write(_ instance: JobInstance, build: BuildInfo, to path: String) throws -> String {
        let credit = try SubsidiaryInputs(config: config, store: store).credit(instance.owner, Self.scope(instance.period))
        let proposal = try MoneyOverflow.context(subsidiary: instance.owner) { () throws(MoneyOverflow) in
            try CreditLimitProposal(quarter: instance.period, inputs: credit, proposalDay: instance.fireTime.date.day)
        }
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: [])
        try CreditLimitProposalWorkbook.write(proposal, context: context, to: path)
        return ""
    }
}
