/// The A/B/C grade "at Q" that visit requirements use (SPEC §4.3): the sales-report grade at
/// Q's last period. For both cadences that is the rule of SPEC §4.1 over the twelve months
/// ending with Q's last month (a monthly line's last period of Q is that month, whose ttm
/// window is the same), so the grade is the same whichever cadence reports it.
public enum GradeAtQuarter {
    public static func grades(quarter: Period, history: SalesHistory,
                              settings: GradingSettings) throws(MoneyOverflow) -> [String: CustomerGrade] {
        try grades(quarter: quarter, sales: history.index, settings: settings)
    }

    /// The same grades from the history's index.
    static func grades(quarter: Period, sales: SalesHistoryIndex,
                       settings: GradingSettings) throws(MoneyOverflow) -> [String: CustomerGrade] {
        let window = quarter.trailingTwelveMonths
        var ttm: [String: Fen] = Dictionary(minimumCapacity: sales.customers.count)
        for id in sales.customers { ttm[id] = try sales.sales(of: id, in: window) }
        return try CustomerGrade.grades(ttm: ttm, settings: settings, window: Period.describe(window))
    }
}
