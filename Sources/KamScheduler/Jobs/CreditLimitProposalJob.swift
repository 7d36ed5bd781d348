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

    /// What the proposal reads (SPEC §4.2, §8 "Proposal basis"): sales over Q'−1's credit window
    /// (ttm at the basis month B, the grades of the quarters up to B, and 客户名称 from the latest
    /// sales line up to the proposal month); receivables snapshots only of quarters that end by B
    /// (payment terms and approved grades are taken at B: a later snapshot changes no figure, so
    /// it is neither read nor listed); customer files up to Q'−1 for names; Q'−1's approvals, since
    /// the form shows each customer's current limit beside the proposal.
    static func scope(_ quarter: Period, cadence: Cadence) -> SubsidiaryInputs.Scope {
        let before = quarter.previous
        let basis = ProposalBasisMonth.of(proposalMonth: ProposalBasisMonth.proposalMonth(for: quarter), cadence: cadence)
        let lastQuarterByBasis = basis == Period.quarter(containing: basis).lastMonth
            ? Period.quarter(containing: basis) : Period.quarter(containing: basis).previous
        return SubsidiaryInputs.Scope(salesMonths: before.creditWindow, receivables: .through(lastQuarterByBasis),
                                      approvals: .only([before]), customerFiles: .through(before))
    }

    func scope(_ instance: JobInstance) -> SubsidiaryInputs.Scope {
        Self.scope(instance.period, cadence: config.organisation.cadence(ofSubsidiary: instance.owner) ?? .quarterly)
    }

    func reads(for instance: JobInstance) -> [SubsidiaryRead] {
        [SubsidiaryRead(subsidiary: instance.owner, scope: scope(instance))]
    }

    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook {
        let credit = try loader.credit(instance.owner, scope(instance))
        let proposal = try MoneyOverflow.context(subsidiary: instance.owner) { () throws(MoneyOverflow) in
            try CreditLimitProposal(quarter: instance.period, inputs: credit, proposalDay: instance.fireTime.date.day)
        }
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: [])
        let visible = try CreditLimitProposalWorkbook.write(proposal, context: context, to: path)
        return WrittenWorkbook(context: context, visible: visible)
    }
}
