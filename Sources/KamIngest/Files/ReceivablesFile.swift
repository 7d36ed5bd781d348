import KamPolicy

/// A `receivables` snapshot read into records, one per customer, in file order.
public struct ReceivablesFile: Sendable {
    public var check = FileCheck()
    public var records: [ReceivableRecord] = []
    /// The money columns' totals over the accepted records, summed with overflow checks while
    /// reading; empty when a sum could not be represented (the file is then refused).
    public var totals: [MoneyTotal] = []

    public static func read(_ bytes: [UInt8], settings: ReadSettings) -> ReceivablesFile {
        var file = ReceivablesFile()
        var check = FileCheck()
        var records: [ReceivableRecord] = []
        var seen = SnapshotCustomers()
        var budget = MoneyBudget()
        var overflow: Diagnostic?
        var receivableTotal: Fen = 0, overdueTotal: Fen = 0, collectedTotal: Fen = 0
        InputFileReader(kind: .receivables, settings: settings).read(bytes, check: &check) { fields, line, header in
            var row = RowContext(fields: fields, line: line, header: header)
            let id = row.customerID()
            if let id, let dup = seen.duplicateReason(id, line: line) { row.fail("customer_id", dup) }
            let receivable = row.money("receivable", required: true)
            let overdue = row.money("overdue", required: true)
            let collected = row.money("collected", required: true)
            guard row.problems.isEmpty, let id, let receivable, let overdue, let collected else { return row.problems }
            // Past the budget the file is refused whole (SPEC §8); the row itself is valid.
            func overflowed(_ kind: SumOverflow) -> [Diagnostic] {
                if overflow == nil { overflow = kind.diagnostic(line: line, column: header.header(of: "receivable"), value: row.value("receivable")) }
                return []
            }
            guard overflow == nil else { return [] }
            guard budget.admit(receivable, overdue, collected) else { return overflowed(.fileMagnitude) }
            guard let r = receivableTotal.checkedAdding(receivable), let o = overdueTotal.checkedAdding(overdue),
                  let c = collectedTotal.checkedAdding(collected) else { return overflowed(.fileTotal) }
            (receivableTotal, overdueTotal, collectedTotal) = (r, o, c)
            records.append(ReceivableRecord(customerID: id, receivable: receivable, overdue: overdue,
                                                 collected: collected, paymentTerms: row.text("payment_terms")))
            return []
        }
        file.check = check
        if let overflow {
            file.check.rejectFileFirst(overflow)
            return file
        }
        file.records = records
        file.totals = [MoneyTotal(column: "receivable", chinese: "应收余额", fen: receivableTotal),
                       MoneyTotal(column: "overdue", chinese: "逾期金额", fen: overdueTotal),
                       MoneyTotal(column: "collected", chinese: "本期回款", fen: collectedTotal)]
        return file
    }
}
