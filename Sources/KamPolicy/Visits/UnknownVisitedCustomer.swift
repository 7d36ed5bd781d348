/// Visits to unknown customers (SPEC §4.3). A visited customer_id is unknown when it is in no
/// customer file up to Q (Q's snapshot or an earlier one) and has no sales line in the 24 months
/// ending with Q's last month: the company has no record of it, so the visit cannot be credited
/// and the id is probably mistyped or a prospect that should get a file.
public enum UnknownVisitedCustomer {
    public static func isUnknown(_ customer: String, quarter: Period, history: SalesHistory,
                                 customerFiles: [Period: [String: CustomerFileRecord]]) -> Bool {
        isUnknown(customer, quarter: quarter, sales: history.index, customerFiles: customerFiles)
    }

    /// The same test against the history's index.
    static func isUnknown(_ customer: String, quarter: Period, sales: SalesHistoryIndex,
                          customerFiles: [Period: [String: CustomerFileRecord]]) -> Bool {
        let inFiles = customerFiles.contains { q, records in q.lastMonth <= quarter.lastMonth && records[customer] != nil }
        if inFiles { return false }
        return !sales.hasLine(customer, in: quarter.trailingTwentyFourMonths)
    }
}
