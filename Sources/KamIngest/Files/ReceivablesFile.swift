import KamPolicy

/// A `receivables` snapshot read into records, one per customer, in file order.
public struct ReceivablesFile: Sendable {
    public var check = FileCheck()
    public var records: [ReceivableRecord] = []

    public var totals: [MoneyTotal] {
        [MoneyTotal(column: "receivable", chinese: "应收余额", fen: records.reduce(0) { $0 + $1.receivable }),
         MoneyTotal(column: "overdue", chinese: "逾期金额", fen: records.reduce(0) { $0 + $1.overdue }),
         MoneyTotal(column: "collected", chinese: "本期回款", fen: records.reduce(0) { $0 + $1.collected })]
    }

    public static func read(_ bytes: [UInt8], settings: ReadSettings) -> ReceivablesFile {
        var file = ReceivablesFile()
        var check = FileCheck()
        var records: [ReceivableRecord] = []
        var seen = SnapshotCustomers()
        var budget = MoneyBudget()
        InputFileReader(kind: .receivables, settings: settings).read(bytes, check: &check) { fields, line, header in
            var row = RowContext(fields: fields, line: line, header: header)
            let id = row.customerID()
            if let id, let dup = seen.duplicateReason(id, line: line) { row.fail("customer_id", dup) }
            let receivable = row.money("receivable", required: true)
            let overdue = row.money("overdue", required: true)
            let collected = row.money("collected", required: true)
            if row.problems.isEmpty, let receivable, let overdue, let collected, !budget.admit(receivable, overdue, collected) {
                row.fail("receivable", MoneyBudget.reason)
            }
            guard row.problems.isEmpty, let id, let receivable, let overdue, let collected else { return row.problems }
            records.append(ReceivableRecord(customerID: id, receivable: receivable, overdue: overdue,
                                                 collected: collected, paymentTerms: row.text("payment_terms")))
            return []
        }
        file.check = check
        file.records = records
        return file
    }
}
