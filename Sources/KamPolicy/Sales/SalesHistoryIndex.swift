/// The storage of a `SalesHistory`, laid out for the report rules' inner loops: one dense row of
/// month cells per customer, so a window sum is integer indexing instead of a dictionary lookup
/// (and a copy of the month's figures, name included) per month. The store fills it in one pass
/// over its rows (`SalesHistoryBuilder`), so no report builds it again, and a customer's name is
/// kept once in `names` however many months repeat it.
///
/// Every query answers exactly as the dictionary form (`SalesHistory.customers`) did: see
/// `SalesHistoryIndexTests`, which compares against a reference over the dictionaries.
struct SalesHistoryIndex: Sendable {
    /// customer_id → row.
    private(set) var rowOf: [String: Int] = [:]
    /// `YearMonth.index` of column 0.
    private(set) var firstMonth = 0
    /// Columns per row.
    private(set) var width = 0
    /// The month index of each column, ascending, when the months are too spread out to lay
    /// densely (more than `maximumWidth` apart); nil when column `c` is month `firstMonth + c`.
    private var spread: [Int]?
    private var sales: [Fen] = []
    private var cost: [Fen] = []
    private var nonZeroLines: [Int] = []
    private var lines: [Int] = []
    private var recency: [LineRecency] = []
    /// Index into `names` of the cell's latest name; `absent` when the history has no figures there.
    private var nameSlot: [Int] = []
    /// The distinct latest names, each stored once per run of months that repeat it.
    private var names: [String] = []

    static let absent = -1
    /// Beyond this many months between the first and the last, columns hold only the months present.
    static let maximumWidth = 1200

    /// An empty history whose columns are the months `first ... first + count - 1`.
    init(firstMonth: Int, width: Int) {
        self.firstMonth = firstMonth
        self.width = max(width, 0)
    }

    /// The dictionary form laid out; what `SalesHistory(customers:)` and its setter keep.
    init(_ customers: [String: [YearMonth: CustomerMonthFigures]]) {
        var present = Set<Int>()
        for byMonth in customers.values { for m in byMonth.keys { present.insert(m.index) } }
        let months = present.sorted()
        if let low = months.first, let high = months.last {
            firstMonth = low
            if high - low + 1 > Self.maximumWidth {
                spread = months
                width = months.count
            } else {
                width = high - low + 1
            }
        }
        rowOf.reserveCapacity(customers.count)
        for (id, byMonth) in customers {
            let row = appendRow(id)
            var lastName: Int?
            for m in byMonth.keys.sorted() {
                guard let f = byMonth[m], let c = column(m) else { continue }
                lastName = set(cell: row * width + c, sales: f.sales, cost: f.cost, nonZeroLines: f.nonZeroLines,
                               lines: f.lines, latestName: f.latestName, recency: f.latestNameRecency, sharing: lastName)
            }
        }
    }

    /// The cells of `months` (ascending, none repeated) copied into an index whose columns are
    /// `months.first ... months.last`, with only the rows that have figures in them, and per
    /// new column whether a copied cell had a line — what a builder fed those cells makes,
    /// without a dictionary lookup, a name comparison or a String per cell (`SalesHistory
    /// .restricted` took 5.5% of the acceptance workspace's workbook CPU that way). The names
    /// are shared, so slots stay valid. nil for a spread-out index: the caller builds instead.
    func copying(months: [YearMonth]) -> (index: SalesHistoryIndex, withLines: [Bool])? {
        guard spread == nil, let first = months.first, let last = months.last else { return nil }
        let span = last.index - first.index + 1
        let columns: [(from: Int, to: Int)] = months.compactMap { m in column(m).map { ($0, m.index - first.index) } }
        var kept: [(customer: String, row: Int)] = []
        kept.reserveCapacity(rowOf.count)
        for (customer, row) in rowOf where columns.contains(where: { nameSlot[row * width + $0.from] != Self.absent }) {
            kept.append((customer, row))
        }
        var copy = SalesHistoryIndex(firstMonth: first.index, width: span)
        copy.names = names
        let cells = kept.count * span
        copy.sales = [Fen](repeating: 0, count: cells)
        copy.cost = [Fen](repeating: 0, count: cells)
        copy.nonZeroLines = [Int](repeating: 0, count: cells)
        copy.lines = [Int](repeating: 0, count: cells)
        copy.recency = [LineRecency](repeating: LineRecency(date: 0, sequence: 0), count: cells)
        copy.nameSlot = [Int](repeating: Self.absent, count: cells)
        copy.rowOf.reserveCapacity(kept.count)
        var withLines = [Bool](repeating: false, count: span)
        for (newRow, entry) in kept.enumerated() {
            copy.rowOf[entry.customer] = newRow
            for (from, to) in columns {
                let c = entry.row * width + from
                guard nameSlot[c] != Self.absent else { continue }
                let d = newRow * span + to
                copy.sales[d] = sales[c]
                copy.cost[d] = cost[c]
                copy.nonZeroLines[d] = nonZeroLines[c]
                copy.lines[d] = lines[c]
                copy.recency[d] = recency[c]
                copy.nameSlot[d] = nameSlot[c]
                if lines[c] > 0 { withLines[to] = true }
            }
        }
        return (copy, withLines)
    }

    /// Adds an empty row for `customer` (or finds its row) and returns it.
    mutating func appendRow(_ customer: String) -> Int {
        if let row = rowOf[customer] { return row }
        let row = rowOf.count
        rowOf[customer] = row
        sales.append(contentsOf: repeatElement(0, count: width))
        cost.append(contentsOf: repeatElement(0, count: width))
        nonZeroLines.append(contentsOf: repeatElement(0, count: width))
        lines.append(contentsOf: repeatElement(0, count: width))
        recency.append(contentsOf: repeatElement(LineRecency(date: 0, sequence: 0), count: width))
        nameSlot.append(contentsOf: repeatElement(Self.absent, count: width))
        return row
    }

    /// Sets one cell's figures. `sharing` is the slot of a name to reuse when it is the same
    /// String; returns the slot the cell's name now has.
    @discardableResult
    mutating func set(cell: Int, sales s: Fen, cost c: Fen, nonZeroLines n: Int, lines l: Int, latestName: String,
                      recency r: LineRecency, sharing: Int?) -> Int {
        let slot: Int
        if let sharing, sharing >= 0, sharing < names.count, names[sharing] == latestName {
            slot = sharing
        } else {
            slot = names.count
            names.append(latestName)
        }
        sales[cell] = s
        cost[cell] = c
        nonZeroLines[cell] = n
        lines[cell] = l
        recency[cell] = r
        nameSlot[cell] = slot
        return slot
    }

    /// The name stored in `slot`, nil for no slot.
    func name(slot: Int?) -> String? {
        guard let slot, slot >= 0, slot < names.count else { return nil }
        return names[slot]
    }

    /// The customers of the history.
    var customers: Dictionary<String, Int>.Keys { rowOf.keys }

    /// The column of `month`, nil when the history has no column for it.
    @inline(__always)
    func column(_ month: YearMonth) -> Int? {
        guard let spread else {
            let column = month.index - firstMonth
            return column >= 0 && column < width ? column : nil
        }
        let i = Self.lowerBound(month.index, in: spread)
        return i < spread.count && spread[i] == month.index ? i : nil
    }

    /// The number of columns whose month is at most `last`.
    private func columnCount(upTo last: YearMonth) -> Int {
        guard let spread else { return min(max(last.index - firstMonth + 1, 0), width) }
        return Self.lowerBound(last.index + 1, in: spread)
    }

    private func month(ofColumn column: Int) -> YearMonth {
        YearMonth(index: spread.map { $0[column] } ?? firstMonth + column)
    }

    /// The first position in the ascending `values` whose value is not below `value`.
    private static func lowerBound(_ value: Int, in values: [Int]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// customer_id → row, for walking every customer's cells.
    var rows: [String: Int] { rowOf }

    /// The figures of a cell, nil when the history has none there.
    func figures(_ c: Int) -> CustomerMonthFigures? {
        guard let name = name(slot: nameSlot[c]) else { return nil }
        return CustomerMonthFigures(sales: sales[c], cost: cost[c], nonZeroLines: nonZeroLines[c], lines: lines[c],
                                    latestName: name, latestNameRecency: recency[c])
    }

    @inline(__always)
    func cell(_ row: Int, _ month: YearMonth) -> Int? {
        column(month).map { row * width + $0 }
    }

    /// The customer's sales over `months`. Each month's figure fits `Fen` (its file's amounts
    /// do), but months from different files may not add up: `MoneyOverflow` then names the
    /// customer and the window.
    func sales(of customer: String, in months: [YearMonth]) throws(MoneyOverflow) -> Fen {
        guard let row = rowOf[customer] else { return 0 }
        return try Self.sum(sales, row: row, months: months, self, "销售额", customer)
    }

    /// The customer's cost over `months`, checked as `sales(of:in:)` is.
    func cost(of customer: String, in months: [YearMonth]) throws(MoneyOverflow) -> Fen {
        guard let row = rowOf[customer] else { return 0 }
        return try Self.sum(cost, row: row, months: months, self, "成本", customer)
    }

    @inline(__always)
    private static func sum(_ values: [Fen], row: Int, months: [YearMonth], _ index: SalesHistoryIndex, _ figure: String,
                            _ customer: String) throws(MoneyOverflow) -> Fen {
        var total: Fen = 0
        for m in months {
            guard let c = index.cell(row, m) else { continue }
            let (sum, overflow) = total.addingReportingOverflow(values[c])
            if overflow { throw MoneyOverflow(figure: figure, customer: customer, period: Period.describe(months)) }
            total = sum
        }
        return total
    }

    func hasNonZeroLine(_ customer: String, in months: [YearMonth]) -> Bool {
        guard let row = rowOf[customer] else { return false }
        return months.contains { m in cell(row, m).map { nonZeroLines[$0] > 0 } ?? false }
    }

    /// Whether any month of `months` has a line (zero or not) of the customer.
    func hasLine(_ customer: String, in months: [YearMonth]) -> Bool {
        guard let row = rowOf[customer] else { return false }
        return months.contains { m in cell(row, m).map { lines[$0] > 0 } ?? false }
    }

    /// As the dictionary form's `latestName(of:in:)`: the month with a line whose latest line is
    /// the most recent, months in the order given, a later one winning ties.
    func latestName(of customer: String, in months: [YearMonth]) -> String? {
        guard let row = rowOf[customer] else { return nil }
        var best: Int?
        for m in months {
            guard let c = cell(row, m), lines[c] > 0 else { continue }
            if best.map({ recency[c] >= recency[$0] }) ?? true { best = c }
        }
        return best.flatMap { name(slot: nameSlot[$0]) }
    }

    /// The name on the customer's latest line in any month up to `lastMonth` (months ascending).
    func latestName(of customer: String, upTo lastMonth: YearMonth) -> String? {
        guard let row = rowOf[customer] else { return nil }
        let count = columnCount(upTo: lastMonth)
        guard count > 0 else { return nil }
        var best: Int?
        for c in (row * width)..<(row * width + count) where lines[c] > 0 {
            if best.map({ recency[c] >= recency[$0] }) ?? true { best = c }
        }
        return best.flatMap { name(slot: nameSlot[$0]) }
    }

    /// The dictionary form: customer_id → month → figures, every customer (even one without
    /// months) and every cell that has figures. For tests and callers of `SalesHistory.customers`;
    /// the rules read the cells directly.
    var dictionaries: [String: [YearMonth: CustomerMonthFigures]] {
        var result: [String: [YearMonth: CustomerMonthFigures]] = Dictionary(minimumCapacity: rowOf.count)
        for (id, row) in rowOf {
            var byMonth: [YearMonth: CustomerMonthFigures] = [:]
            for column in 0..<width {
                let c = row * width + column
                guard let name = name(slot: nameSlot[c]) else { continue }
                byMonth[month(ofColumn: column)] = CustomerMonthFigures(
                    sales: sales[c], cost: cost[c], nonZeroLines: nonZeroLines[c], lines: lines[c],
                    latestName: name, latestNameRecency: recency[c])
            }
            result[id] = byMonth
        }
        return result
    }
}
