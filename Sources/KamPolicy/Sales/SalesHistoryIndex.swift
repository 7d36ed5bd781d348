/// A `SalesHistory` laid out for the report rules' inner loops: one dense row of months per
/// customer, so a window sum is integer indexing instead of a dictionary lookup (and a copy of
/// the month's figures, name included) per month. A report asks for the same customers' sums
/// over a dozen windows; building this once per report is one pass over the history.
///
/// Every query answers exactly as the `SalesHistory` method of the same name does.
struct SalesHistoryIndex: Sendable {
    /// customer_id → row.
    private let rowOf: [String: Int]
    /// `YearMonth.index` of column 0.
    private let firstMonth: Int
    /// Columns per row (months from the earliest to the latest month with figures).
    private let width: Int
    private let sales: [Fen]
    private let cost: [Fen]
    private let hasNonZeroLine: [Bool]
    private let hasLines: [Bool]
    private let recency: [LineRecency]
    /// The history itself: names are read from it once the latest month is found (copying every
    /// month's name into the index cost more than the lookups it saved), and a history whose
    /// months are too spread out to lay densely is answered from it.
    private let history: SalesHistory
    private let isSparse: Bool
    private var sparse: SalesHistory? { isSparse ? history : nil }

    /// Beyond this many columns (a century of months) the index keeps the dictionaries instead.
    private static let maximumWidth = 1200

    init(_ history: SalesHistory) {
        var low = Int.max
        var high = Int.min
        for byMonth in history.customers.values {
            for m in byMonth.keys {
                low = min(low, m.index)
                high = max(high, m.index)
            }
        }
        var rowOf: [String: Int] = Dictionary(minimumCapacity: history.customers.count)
        for id in history.customers.keys { rowOf[id] = rowOf.count }
        let width = low <= high ? high - low + 1 : 0
        guard width <= Self.maximumWidth else {
            self.rowOf = rowOf
            firstMonth = 0
            self.width = 0
            (sales, cost, hasNonZeroLine, hasLines, recency) = ([], [], [], [], [])
            self.history = history
            isSparse = true
            return
        }
        let cells = rowOf.count * width
        var sales = [Fen](repeating: 0, count: cells)
        var cost = [Fen](repeating: 0, count: cells)
        var nonZero = [Bool](repeating: false, count: cells)
        var lines = [Bool](repeating: false, count: cells)
        var recency = [LineRecency](repeating: LineRecency(date: 0, sequence: 0), count: cells)
        for (id, byMonth) in history.customers {
            guard let row = rowOf[id] else { continue }
            for (m, f) in byMonth {
                let cell = row * width + (m.index - low)
                sales[cell] = f.sales
                cost[cell] = f.cost
                nonZero[cell] = f.nonZeroLines > 0
                lines[cell] = f.lines > 0
                recency[cell] = f.latestNameRecency
            }
        }
        self.rowOf = rowOf
        firstMonth = low <= high ? low : 0
        self.width = width
        self.sales = sales
        self.cost = cost
        hasNonZeroLine = nonZero
        hasLines = lines
        self.recency = recency
        self.history = history
        isSparse = false
    }

    /// The customers of the history (its `customers.keys`).
    var customers: Dictionary<String, Int>.Keys { rowOf.keys }

    /// The cell of `customer`'s `month`, nil when the history has no figures there.
    @inline(__always)
    private func cell(_ row: Int, _ month: YearMonth) -> Int? {
        let column = month.index - firstMonth
        return column >= 0 && column < width ? row * width + column : nil
    }

    func sales(of customer: String, in months: [YearMonth]) -> Fen {
        if let sparse { return sparse.sales(of: customer, in: months) }
        guard let row = rowOf[customer] else { return 0 }
        var total: Fen = 0
        for m in months { if let c = cell(row, m) { total += sales[c] } }
        return total
    }

    func cost(of customer: String, in months: [YearMonth]) -> Fen {
        if let sparse { return sparse.cost(of: customer, in: months) }
        guard let row = rowOf[customer] else { return 0 }
        var total: Fen = 0
        for m in months { if let c = cell(row, m) { total += cost[c] } }
        return total
    }

    func hasNonZeroLine(_ customer: String, in months: [YearMonth]) -> Bool {
        if let sparse { return sparse.hasNonZeroLine(customer, in: months) }
        guard let row = rowOf[customer] else { return false }
        return months.contains { m in cell(row, m).map { hasNonZeroLine[$0] } ?? false }
    }

    /// Whether any month of `months` has a line (zero or not) of the customer.
    func hasLine(_ customer: String, in months: [YearMonth]) -> Bool {
        if let sparse {
            guard let byMonth = sparse.customers[customer] else { return false }
            return months.contains { (byMonth[$0]?.lines ?? 0) > 0 }
        }
        guard let row = rowOf[customer] else { return false }
        return months.contains { m in cell(row, m).map { hasLines[$0] } ?? false }
    }

    /// As `SalesHistory.latestName(of:in:)`: months in the order given, a later one winning ties.
    func latestName(of customer: String, in months: [YearMonth]) -> String? {
        if let sparse { return sparse.latestName(of: customer, in: months) }
        guard let row = rowOf[customer] else { return nil }
        var best: Int?
        for m in months {
            guard let c = cell(row, m), hasLines[c] else { continue }
            if best.map({ recency[c] >= recency[$0] }) ?? true { best = c }
        }
        return best.flatMap { name(of: customer, cell: $0) }
    }

    private func name(of customer: String, cell: Int) -> String? {
        history.customers[customer]?[YearMonth(index: firstMonth + cell % width)]?.latestName
    }

    /// The name on the customer's latest line in any month up to `lastMonth` (months ascending).
    func latestName(of customer: String, upTo lastMonth: YearMonth) -> String? {
        if let sparse {
            guard let byMonth = sparse.customers[customer] else { return nil }
            return sparse.latestName(of: customer, in: byMonth.keys.filter { $0 <= lastMonth }.sorted())
        }
        guard let row = rowOf[customer], width > 0 else { return nil }
        let lastColumn = min(lastMonth.index - firstMonth, width - 1)
        guard lastColumn >= 0 else { return nil }
        var best: Int?
        for c in (row * width)...(row * width + lastColumn) where hasLines[c] {
            if best.map({ recency[c] >= recency[$0] }) ?? true { best = c }
        }
        return best.flatMap { name(of: customer, cell: $0) }
    }
}
