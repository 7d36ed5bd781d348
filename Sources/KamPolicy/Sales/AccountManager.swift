/// 客户经理 of a customer (SPEC §4.6): the `account_manager` of the latest `customers` snapshot
/// whose quarter ends on or before a period's end. Seed 003 appoints one manager per key account
/// and seed 000 appraises them by sales and profit, so every customer must land with somebody:
/// the ones nobody is named for are counted together under `(未指定)`, not dropped.
public enum AccountManager {
    /// The name customers without a manager are reported under.
    public static let unassigned = "(未指定)"

    /// The snapshot to read for a period ending with `lastMonth`: the latest quarter ≤ it with a
    /// snapshot (earlier files are older news; later ones did not exist then). Nil when none.
    public static func snapshot(in files: [Period: [String: CustomerFileRecord]],
                                endingBy lastMonth: YearMonth) -> [String: CustomerFileRecord]? {
        files.filter { $0.key.isQuarter && $0.key.lastMonth <= lastMonth }
            .max { $0.key.lastMonth < $1.key.lastMonth }?.value
    }

    /// The manager's name, trimmed; `(未指定)` when the customer is not in the snapshot, the snapshot
    /// is missing, or the cell is blank.
    public static func of(_ customer: String, in snapshot: [String: CustomerFileRecord]?) -> String {
        let name = snapshot?[customer]?.value("account_manager").trimmedSpaces ?? ""
        return name.isEmpty ? unassigned : name
    }
}
