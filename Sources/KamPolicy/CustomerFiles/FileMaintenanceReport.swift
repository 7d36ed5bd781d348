/// The figures of one subsidiary's 客户档案维护情况 for quarter Q (SPEC §4.4). Pure.
public struct FileMaintenanceReport: Sendable {
    public let quarter: Period
    /// Q's snapshot, by customer_id; empty when missing.
    public let records: [CustomerFileRecord]
    /// 新增档案: in Q's snapshot, not in prev(Q)'s.
    public let added: [CustomerFileRecord]
    /// 删除档案: in prev(Q)'s snapshot, not in Q's.
    public let removed: [CustomerFileRecord]
    /// 档案变更: per customer in both, per differing field.
    public let changes: [CustomerFileChange]
    /// 无档案: customers with a non-zero sales line in Q but no record in Q's snapshot, with Q's sales.
    public let withoutFile: [CustomerWithoutFile]
    /// 信用代码校验错误: non-blank codes failing GB 32100-2015.
    public let invalidCreditCodes: [CustomerFileRecord]
    /// Blank credit codes ("missing", counted apart from invalid).
    public let missingCreditCodes: Int
    public let requiredFields: [String]
    public let isCurrentMissing: Bool
    public let isPreviousMissing: Bool
    public let warnings: [String]

    /// `customerFiles`: accepted snapshots, at least Q and prev(Q) (absent = no accepted file).
    /// `history`: sales of Q's months (and back 24 months for names).
    /// `MoneyOverflow` when the Q sales of a customer without a file do not fit `Fen`.
    public init(quarter: Period, customerFiles: [Period: [CustomerFileRecord]], history: SalesHistory,
                settings: PolicySettings) throws(MoneyOverflow) {
        self.quarter = quarter
        let byID: ([CustomerFileRecord]) -> [String: CustomerFileRecord] = {
            Dictionary($0.map { ($0.customerID, $0) }, uniquingKeysWith: { _, b in b })
        }
        let current = byID(customerFiles[quarter] ?? [])
        let previous = byID(customerFiles[quarter.previous] ?? [])
        isCurrentMissing = customerFiles[quarter] == nil
        isPreviousMissing = customerFiles[quarter.previous] == nil
        requiredFields = settings.requiredFileFields
        let sortedIDs: ([String]) -> [String] = { $0.sorted(by: CustomerIDOrder.precedes) }
        records = sortedIDs(Array(current.keys)).compactMap { current[$0] }
        if isCurrentMissing {
            // Without Q's snapshot nothing was maintained: comparing would list every record as removed.
            added = []
            removed = []
            changes = []
        } else {
            added = records.filter { previous[$0.customerID] == nil }
            removed = sortedIDs(previous.keys.filter { current[$0] == nil }).compactMap { previous[$0] }
            changes = records.flatMap { r in previous[r.customerID].map { CustomerFileChange.changes(from: $0, to: r) } ?? [] }
        }
        let months = quarter.months
        let window = quarter.trailingTwentyFourMonths
        var withoutFile: [CustomerWithoutFile] = []
        for id in sortedIDs(history.index.customers.filter { current[$0] == nil && history.hasNonZeroLine($0, in: months) }) {
            withoutFile.append(CustomerWithoutFile(customerID: id, customerName: history.latestName(of: id, in: window) ?? "",
                                                   sales: try history.sales(of: id, in: months)))
        }
        self.withoutFile = withoutFile
        invalidCreditCodes = records.filter { !$0.creditCode.trimmedSpaces.isEmpty && !UnifiedSocialCreditCode.isValid($0.creditCode.trimmedSpaces) }
        missingCreditCodes = records.filter { $0.creditCode.trimmedSpaces.isEmpty }.count
        var warnings: [String] = []
        if isCurrentMissing { warnings.append("缺少 \(quarter) 客户档案(customers)文件: 无法统计档案维护情况") }
        if isPreviousMissing && !isCurrentMissing {
            warnings.append("缺少 \(quarter.previous) 客户档案文件: 本期全部档案按新增计")
        }
        self.warnings = warnings
    }

    public var overallCompleteness: Double? { FileCompleteness.overall(records, required: requiredFields) }
    /// Records with every required field filled.
    public var completeRecords: Int { records.filter { FileCompleteness.missingFields($0, required: requiredFields).isEmpty }.count }
    /// Customers with at least one changed field.
    public var changedCustomers: Int { Set(changes.map(\.customerID)).count }
}
