/// One customer's sales in one month, as aggregated from the effective sales file for that
/// month. Everything the sales rules need is a sum over months of these.
public struct CustomerMonthFigures: Sendable, Equatable {
    public var sales: Fen = 0
    public var cost: Fen = 0
    /// Lines with a non-zero amount: a customer appears in the sales report when it has any
    /// in the 24-month window, even if they net to zero.
    public var nonZeroLines = 0
    public var lines = 0
    /// The customer name on the latest line (by date, then file order).
    public var latestName = ""
    public var latestNameRecency = LineRecency(date: 0, sequence: 0)

    public init() {}

    public init(sales: Fen, cost: Fen, nonZeroLines: Int, lines: Int, latestName: String, latestNameRecency: LineRecency) {
        self.sales = sales
        self.cost = cost
        self.nonZeroLines = nonZeroLines
        self.lines = lines
        self.latestName = latestName
        self.latestNameRecency = latestNameRecency
    }

    /// Adds one sales line; `MoneyOverflow` (and nothing added) when the month's sales or cost
    /// would no longer fit `Fen`.
    public mutating func add(amount: Fen, cost lineCost: Fen, name: String, recency: LineRecency) throws(MoneyOverflow) {
        let newSales = try sales.adding(amount, or: MoneyOverflow(figure: "销售额"))
        let newCost = try cost.adding(lineCost, or: MoneyOverflow(figure: "成本"))
        sales = newSales
        cost = newCost
        lines += 1
        if amount != 0 { nonZeroLines += 1 }
        if lines == 1 || recency >= latestNameRecency {
            latestName = name
            latestNameRecency = recency
        }
    }
}

/// Where a line stands in time: its date (`YYYYMMDD`), then its position in the file.
public struct LineRecency: Hashable, Comparable, Sendable {
    public var date: Int
    public var sequence: Int

    public init(date: Int, sequence: Int) {
        self.date = date
        self.sequence = sequence
    }

    public static func < (a: LineRecency, b: LineRecency) -> Bool { (a.date, a.sequence) < (b.date, b.sequence) }
}
