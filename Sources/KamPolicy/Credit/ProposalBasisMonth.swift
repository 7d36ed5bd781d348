/// The basis month B of a limit proposal (SPEC §4.2, §8 Credit): the last month whose sales are
/// complete when the proposal is made on the 21st of the proposal month.
public enum ProposalBasisMonth {
    /// Monthly lines: the month before the proposal month. Quarterly lines: the last month of the
    /// quarter before the proposal month's quarter (June 21 → March), the last quarter reported.
    public static func of(proposalMonth: YearMonth, cadence: Cadence) -> YearMonth {
        switch cadence {
        case .monthly: return proposalMonth.adding(months: -1)
        case .quarterly: return Period.quarter(containing: proposalMonth).previous.lastMonth
        }
    }

    /// The proposal month for limits applying to quarter Q': the last month of Q'−1.
    public static func proposalMonth(for quarter: Period) -> YearMonth {
        quarter.firstMonth.adding(months: -1)
    }
}
