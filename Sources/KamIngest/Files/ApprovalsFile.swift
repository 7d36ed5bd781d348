import KamPolicy

/// An `approvals` file read into records, one per customer, in file order.
public struct ApprovalsFile: Sendable {
    public var check = FileCheck()
    public var records: [ApprovalRecord] = []
    /// The approved limits' total over the accepted records, summed with overflow checks while
    /// reading; empty when the sum could not be represented (the file is then refused).
    public var totals: [MoneyTotal] = []

    public static func read(_ bytes: [UInt8], settings: ReadSettings) -> ApprovalsFile {
        var file = ApprovalsFile()
        var check = FileCheck()
        var records: [ApprovalRecord] = []
        var seen = SnapshotCustomers()
        var budget = MoneyBudget()
        var overflow: Diagnostic?
        var total: Fen = 0
        InputFileReader(kind: .approvals, settings: settings).read(bytes, check: &check) { fields, line, header in
            var row = RowContext(fields: fields, line: line, header: header)
            let id = row.customerID()
            if let id, let dup = seen.duplicateReason(id, line: line) { row.fail("customer_id", dup) }
            let limit = row.money("approved_limit", required: true)
            guard row.problems.isEmpty, let id, let limit else { return row.problems }
            // Past the budget the file is refused whole (SPEC §8); the row itself is valid.
            guard overflow == nil else { return [] }
            guard budget.admit(limit), let sum = total.checkedAdding(limit) else {
                overflow = SumOverflow.fileMagnitude.diagnostic(line: line, column: header.header(of: "approved_limit"),
                                                               value: row.value("approved_limit"))
                return []
            }
            total = sum
            records.append(ApprovalRecord(customerID: id, approvedLimit: limit, approvedBy: row.text("approved_by")))
            return []
        }
        file.check = check
        if let overflow {
            file.check.rejectFileFirst(overflow)
            return file
        }
        file.records = records
        file.totals = [MoneyTotal(column: "approved_limit", chinese: "核定额度", fen: total)]
        return file
    }
}
