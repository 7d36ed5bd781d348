import KamPolicy

/// Each customer's net sales per data month, in fen, summed exactly as kam will sum the lines:
/// the receivables, limits, grades and visits the demo writes are derived from the same figures
/// the reports compute, so they agree with each other (a receivable rolls forward from the sales
/// kam shows, a limit is sized on the ttm kam reads).
struct DemoSalesTotals {
    let firstMonth: YearMonth
    /// `fen[customer][month offset]`, offset 0 being `firstMonth`.
    private(set) var fen: [[Int64]]

    init(customers: Int, months: Int, firstMonth: YearMonth) {
        self.firstMonth = firstMonth
        fen = Array(repeating: Array(repeating: 0, count: months), count: customers)
    }

    mutating func add(_ amount: Int64, customer: Int, month: YearMonth) {
        let offset = month.index - firstMonth.index
        guard fen.indices.contains(customer), fen[customer].indices.contains(offset) else { return }
        fen[customer][offset] += amount
    }

    /// Sales in one month; months before or after the data are 0, as for kam.
    func sales(customer: Int, month: YearMonth) -> Int64 {
        let offset = month.index - firstMonth.index
        guard fen.indices.contains(customer), fen[customer].indices.contains(offset) else { return 0 }
        return fen[customer][offset]
    }

    func sales(customer: Int, in period: Period) -> Int64 {
        period.months.reduce(0) { $0 + sales(customer: customer, month: $1) }
    }

    /// ttm(c, m): the 12 months ending with `month` (SPEC §4).
    func ttm(customer: Int, endingWith month: YearMonth) -> Int64 {
        (0..<12).reduce(0) { $0 + sales(customer: customer, month: month.adding(months: -$1)) }
    }

    /// The A/B/C grade of every customer at `month`, by KamPolicy's own rule (SPEC §4.1); nil for
    /// customers with no ttm.
    func grades(at month: YearMonth) -> [CustomerGrade?] {
        let trailing = Dictionary(uniqueKeysWithValues: fen.indices.map { ($0, self.ttm(customer: $0, endingWith: month)) })
        // Demo amounts are far below Fen's range; an overflow would only mean no grades.
        let graded = (try? CustomerGrade.grades(ttm: trailing, settings: GradingSettings())) ?? [:]
        return fen.indices.map { graded[$0] }
    }
}
