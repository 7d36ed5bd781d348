/// 客户名称 in the credit workbooks (SPEC §8 Sales report): the name on the latest sales line up
/// to the end of Q, else the name in the latest customer file up to Q. Later files are ignored so
/// a rebuilt report of a past quarter says what it said then.
public enum CreditCustomerName {
    public static func of(_ customer: String, upTo lastMonth: YearMonth, history: SalesHistory,
                          customerFiles: [Period: [String: CustomerFileRecord]]) -> String {
        of(customer, upTo: lastMonth, sales: history.index, customerFiles: customerFiles)
    }

    /// The same name, read from the history's index (what the credit and visit reports hold).
    static func of(_ customer: String, upTo lastMonth: YearMonth, sales: SalesHistoryIndex,
                   customerFiles: [Period: [String: CustomerFileRecord]]) -> String {
        sales.latestName(of: customer, upTo: lastMonth) ?? fromFiles(customer, upTo: lastMonth, customerFiles: customerFiles)
    }

    private static func fromFiles(_ customer: String, upTo lastMonth: YearMonth,
                                  customerFiles: [Period: [String: CustomerFileRecord]]) -> String {
        let quarters = customerFiles.keys.filter { $0.lastMonth <= lastMonth }.sorted { $0.lastMonth > $1.lastMonth }
        for q in quarters {
            if let name = customerFiles[q]?[customer]?.customerName, !name.isEmpty { return name }
        }
        return ""
    }
}
