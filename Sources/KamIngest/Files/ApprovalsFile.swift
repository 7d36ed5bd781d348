import KamPolicy

/// An `approvals` file read into records, one per customer, in file order.
public struct ApprovalsFile: Sendable {
    public var check = FileCheck()
    public var records: [ApprovalRecord] = []

    public var totals: [MoneyTotal] {
        [MoneyTotal(column: "approved_limit", chinese: "核定额度", fen: records.reduce(0) { $0 + $1.approvedLimit })]
    }

    public static func read(_ bytes: [UInt8], settings: ReadSettings) -> ApprovalsFile {
        var file = ApprovalsFile()
        var check = FileCheck()
        var records: [ApprovalRecord] = []
        var seen = SnapshotCustomers()
        var budget = MoneyBudget()
        InputFileReader(kind: .approvals, settings: settings).read(bytes, check: &check) { fields, line, header in
            var row = RowContext(fields: fields, line: line, header: header)
            let id = row.customerID()
            if let id, let dup = seen.duplicateReason(id, line: line) { row.fail("customer_id", dup) }
            let limit = row.money("approved_limit", required: true)
            if row.problems.isEmpty, let limit, !budget.admit(limit) { row.fail("approved_limit", MoneyBudget.reason) }
            guard row.problems.isEmpty, let id, let limit else { return row.problems }
            records.append(ApprovalRecord(customerID: id, approvedLimit: limit, approvedBy: row.text("approved_by")))
            return []
        }
        file.check = check
        file.records = records
        return file
    }
}
