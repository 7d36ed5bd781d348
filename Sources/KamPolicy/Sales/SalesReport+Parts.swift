/// A report from figures computed earlier (the scheduler's report cache keeps them, so a
/// consolidation does not recompute every subsidiary): the parts are taken as they are.
extension SalesReport {
    public init(period: Period, rows: [SalesReportRow], potentialCustomers: [SalesReportRow], hasDataInPeriod: Bool,
                isProfitKnown: Bool, gaps: SalesGaps = .none) {
        self.gaps = gaps
        self.period = period
        self.rows = rows
        self.potentialCustomers = potentialCustomers
        self.hasDataInPeriod = hasDataInPeriod
        self.isProfitKnown = isProfitKnown
    }
}
