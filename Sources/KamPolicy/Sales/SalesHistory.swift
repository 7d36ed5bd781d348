/// A subsidiary's effective monthly sales per customer: for each month, the figures of the
/// latest accepted file covering it (the store resolves supersession before building this).
///
/// The figures are held as dense month rows (`SalesHistoryIndex`), which is what every rule
/// reads; `customers` gives and takes the dictionary form for tests and small callers.
public struct SalesHistory: Sendable {
    /// The months that have sales data, and whether the file they came from had a cost column.
    public var costKnownByMonth: [YearMonth: Bool]
    /// The figures, as the rules read them.
    private(set) var index: SalesHistoryIndex

    /// customer_id → month → figures. Built on each read and laid out again on each write: the
    /// rules read `index` instead.
    public var customers: [String: [YearMonth: CustomerMonthFigures]] {
        get { index.dictionaries }
        set { index = SalesHistoryIndex(newValue) }
    }

    public init(costKnownByMonth: [YearMonth: Bool] = [:], customers: [String: [YearMonth: CustomerMonthFigures]] = [:]) {
        self.costKnownByMonth = costKnownByMonth
        index = SalesHistoryIndex(customers)
    }

    init(costKnownByMonth: [YearMonth: Bool], index: SalesHistoryIndex) {
        self.costKnownByMonth = costKnownByMonth
        self.index = index
    }

    /// The customer's sales over `months`; `MoneyOverflow` when they do not fit `Fen`.
    public func sales(of customer: String, in months: [YearMonth]) throws(MoneyOverflow) -> Fen {
        try index.sales(of: customer, in: months)
    }

    /// The customer's cost over `months`; `MoneyOverflow` when it does not fit `Fen`.
    public func cost(of customer: String, in months: [YearMonth]) throws(MoneyOverflow) -> Fen {
        try index.cost(of: customer, in: months)
    }

    /// Profit over a window is known when every month of it that has sales data came from a
    /// file with a cost column (SPEC §8).
    public func isProfitKnown(in months: [YearMonth]) -> Bool {
        months.allSatisfy { costKnownByMonth[$0] ?? true }
    }

    /// Whether any month of the window has sales data at all.
    public func hasData(in months: [YearMonth]) -> Bool {
        months.contains { costKnownByMonth[$0] != nil }
    }

    /// Sales minus cost, or nil when the profit is not known for the window.
    public func profit(of customer: String, in months: [YearMonth]) throws(MoneyOverflow) -> Fen? {
        guard isProfitKnown(in: months) else { return nil }
        return try sales(of: customer, in: months).subtracting(
            try cost(of: customer, in: months),
            or: MoneyOverflow(figure: "毛利", customer: customer, period: Period.describe(months)))
    }

    /// The name on the customer's latest line within the window (months in the order given, a
    /// later one winning a tie), or nil when it has none there.
    public func latestName(of customer: String, in months: [YearMonth]) -> String? {
        index.latestName(of: customer, in: months)
    }

    public func hasNonZeroLine(_ customer: String, in months: [YearMonth]) -> Bool {
        index.hasNonZeroLine(customer, in: months)
    }

    /// The history as reading only `months` from the same files would have built it: a
    /// customer is in it when it has figures in one of those months, a month has data when
    /// one of its cells had a line, and `costKnown` says which months' files had a cost
    /// column. A run loads a subsidiary's history once over every month its workbooks read
    /// and gives each workbook its own months from it (issue 14: loaded once per run); rules
    /// that look at every customer or every earlier month (`latestName(of:upTo:)`) then see
    /// exactly what a load of their own months shows.
    public func restricted(to months: Set<YearMonth>, costKnown: (YearMonth) -> Bool) -> SalesHistory {
        guard let low = months.min(), let high = months.max() else { return SalesHistory() }
        let ordered = months.sorted()
        if let (copy, withLines) = index.copying(months: ordered) {
            var costKnownByMonth: [YearMonth: Bool] = [:]
            for (column, hasLines) in withLines.enumerated() where hasLines {
                let month = YearMonth(index: low.index + column)
                costKnownByMonth[month] = costKnown(month)
            }
            return SalesHistory(costKnownByMonth: costKnownByMonth, index: copy)
        }
        var builder = SalesHistoryBuilder(firstMonth: low, monthCount: high.index - low.index + 1)
        for (customer, row) in index.rows {
            var slot: Int?
            for month in ordered {
                guard let cell = index.cell(row, month), let figures = index.figures(cell) else { continue }
                let target = slot ?? builder.row(of: customer)
                slot = target
                builder.set(row: target, month: month, figures: figures.sales, cost: figures.cost,
                            nonZeroLines: figures.nonZeroLines, lines: figures.lines, latestName: figures.latestName,
                            latestNameRecency: figures.latestNameRecency)
            }
        }
        return builder.history(costKnown: costKnown)
    }
}
