/// A subsidiary's effective monthly sales per customer: for each month, the figures of the
/// latest accepted file covering it (the store resolves supersession before building this).
public struct SalesHistory: Sendable {
    /// The months that have sales data, and whether the file they came from had a cost column.
    public var costKnownByMonth: [YearMonth: Bool]
    /// customer_id → month → figures.
    public var customers: [String: [YearMonth: CustomerMonthFigures]]

    public init(costKnownByMonth: [YearMonth: Bool] = [:], customers: [String: [YearMonth: CustomerMonthFigures]] = [:]) {
        self.costKnownByMonth = costKnownByMonth
        self.customers = customers
    }

    public func sales(of customer: String, in months: [YearMonth]) -> Fen {
        guard let byMonth = customers[customer] else { return 0 }
        return months.reduce(0) { $0 + (byMonth[$1]?.sales ?? 0) }
    }

    public func cost(of customer: String, in months: [YearMonth]) -> Fen {
        guard let byMonth = customers[customer] else { return 0 }
        return months.reduce(0) { $0 + (byMonth[$1]?.cost ?? 0) }
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
    public func profit(of customer: String, in months: [YearMonth]) -> Fen? {
        guard isProfitKnown(in: months) else { return nil }
        return sales(of: customer, in: months) - cost(of: customer, in: months)
    }

    /// The name on the customer's latest line within the window, or nil when it has none there.
    public func latestName(of customer: String, in months: [YearMonth]) -> String? {
        guard let byMonth = customers[customer] else { return nil }
        var best: CustomerMonthFigures?
        for m in months {
            guard let f = byMonth[m], f.lines > 0 else { continue }
            if best.map({ f.latestNameRecency >= $0.latestNameRecency }) ?? true { best = f }
        }
        return best?.latestName
    }

    public func hasNonZeroLine(_ customer: String, in months: [YearMonth]) -> Bool {
        guard let byMonth = customers[customer] else { return false }
        return months.contains { (byMonth[$0]?.nonZeroLines ?? 0) > 0 }
    }
}
