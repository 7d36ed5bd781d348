/// Builds a `SalesHistory` straight from the store's rows (one per file × customer × month), in
/// one pass and in any order: the figures go into the history's dense month cells, with no
/// dictionary per customer to build and convert afterwards, and a name that repeats month after
/// month is kept once.
public struct SalesHistoryBuilder: Sendable {
    private var index: SalesHistoryIndex
    /// Per row, the slot of the name last set in it: the next month usually repeats it.
    private var lastNameSlot: [Int] = []
    /// Per column, whether some row set in it had a line (what makes the month one with data).
    private var withLines: [Bool]

    /// A builder whose history covers `monthCount` months from `firstMonth`.
    public init(firstMonth: YearMonth, monthCount: Int) {
        index = SalesHistoryIndex(firstMonth: firstMonth.index, width: monthCount)
        withLines = [Bool](repeating: false, count: max(monthCount, 0))
    }

    /// The row of `customer`, added (with no months) the first time it is named.
    public mutating func row(of customer: String) -> Int {
        let row = index.appendRow(customer)
        if row == lastNameSlot.count { lastNameSlot.append(SalesHistoryIndex.absent) }
        return row
    }

    /// The name last set in `row`, so a caller reading text can hand the same String back.
    public func latestName(inRow row: Int) -> String? {
        guard row >= 0, row < lastNameSlot.count else { return nil }
        return index.name(slot: lastNameSlot[row])
    }

    /// Sets `row`'s figures for `month` (the effective file's, replacing any set before). A month
    /// outside the builder's months, or a row it did not give, is not part of the history.
    public mutating func set(row: Int, month: YearMonth, figures sales: Fen, cost: Fen, nonZeroLines: Int, lines: Int,
                             latestName: String, latestNameRecency: LineRecency) {
        guard row >= 0, row < lastNameSlot.count, let column = index.column(month) else { return }
        lastNameSlot[row] = index.set(cell: row * index.width + column, sales: sales, cost: cost, nonZeroLines: nonZeroLines,
                                      lines: lines, latestName: latestName, recency: latestNameRecency,
                                      sharing: lastNameSlot[row])
        if lines > 0 { withLines[column] = true }
    }

    /// The history; a month is one with sales data when a row set in it had a line, and
    /// `costKnown` says whether its file had a cost column.
    public func history(costKnown: (YearMonth) -> Bool) -> SalesHistory {
        var costKnownByMonth: [YearMonth: Bool] = [:]
        for (column, hasLines) in withLines.enumerated() where hasLines {
            let month = YearMonth(index: index.firstMonth + column)
            costKnownByMonth[month] = costKnown(month)
        }
        return SalesHistory(costKnownByMonth: costKnownByMonth, index: index)
    }
}
