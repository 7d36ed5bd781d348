import Testing
@testable import KamPolicy

/// The reports read sales through `SalesHistoryIndex`; every answer must be the one the
/// `SalesHistory` dictionaries give, including ties between names, months outside the history,
/// zero-line months and histories too spread out to lay densely.
@Suite struct SalesHistoryIndexTests {
    /// A small deterministic generator, so a failure repeats.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func history(seed: UInt64, firstMonth: YearMonth, span: Int) -> SalesHistory {
        var g = Generator(state: seed)
        var h = SalesHistory()
        for c in 0..<30 {
            var byMonth: [YearMonth: CustomerMonthFigures] = [:]
            for _ in 0..<g.next(12) {
                let lines = g.next(3)
                let sales = Fen(g.next(2000)) - 500
                byMonth[firstMonth.adding(months: g.next(span))] = CustomerMonthFigures(
                    sales: sales, cost: Fen(g.next(300)), nonZeroLines: lines == 0 ? 0 : g.next(2), lines: lines,
                    latestName: "名\(g.next(5))", latestNameRecency: LineRecency(date: 20260100 + g.next(3), sequence: g.next(2)))
            }
            h.customers["C\(c)"] = byMonth
        }
        h.customers["EMPTY"] = [:]
        return h
    }

    static func windows(around first: YearMonth, span: Int) -> [[YearMonth]] {
        var result: [[YearMonth]] = [[], [first.adding(months: -5)], [first.adding(months: span + 3)]]
        for start in stride(from: -3, through: span, by: 4) {
            for length in [1, 3, 12, 24] {
                result.append(YearMonth.range(first.adding(months: start), through: first.adding(months: start + length - 1)))
            }
        }
        result.append([first.adding(months: 2), first, first.adding(months: 2), first.adding(months: 1)])  // unordered, repeated
        return result
    }

    func check(_ history: SalesHistory, first: YearMonth, span: Int) {
        let index = SalesHistoryIndex(history)
        #expect(Set(index.customers) == Set(history.customers.keys))
        for id in Array(history.customers.keys) + ["NOBODY"] {
            for months in Self.windows(around: first, span: span) {
                #expect(index.sales(of: id, in: months) == history.sales(of: id, in: months))
                #expect(index.cost(of: id, in: months) == history.cost(of: id, in: months))
                #expect(index.hasNonZeroLine(id, in: months) == history.hasNonZeroLine(id, in: months))
                #expect(index.latestName(of: id, in: months) == history.latestName(of: id, in: months))
                let anyLine = history.customers[id].map { byMonth in months.contains { (byMonth[$0]?.lines ?? 0) > 0 } } ?? false
                #expect(index.hasLine(id, in: months) == anyLine)
            }
            for offset in [-2, 0, 5, span, span + 4] {
                let last = first.adding(months: offset)
                let expected = history.customers[id].flatMap { byMonth in
                    history.latestName(of: id, in: byMonth.keys.filter { $0 <= last }.sorted())
                }
                #expect(index.latestName(of: id, upTo: last) == expected)
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func denseIndexAnswersAsTheDictionaries(seed: UInt64) {
        let first = YearMonth(year: 2024, month: 10)
        check(Self.history(seed: seed, firstMonth: first, span: 27), first: first, span: 27)
    }

    @Test func spreadOutHistoryFallsBackToTheDictionaries() {
        let first = YearMonth(year: 1900, month: 1)
        var history = Self.history(seed: 9, firstMonth: first, span: 27)
        history.customers["FAR"] = [YearMonth(year: 2100, month: 1): CustomerMonthFigures(
            sales: 5, cost: 1, nonZeroLines: 1, lines: 1, latestName: "远", latestNameRecency: LineRecency(date: 1, sequence: 1))]
        check(history, first: first, span: 27)
        #expect(SalesHistoryIndex(history).latestName(of: "FAR", upTo: YearMonth(year: 2200, month: 1)) == "远")
    }

    @Test func emptyHistory() {
        let index = SalesHistoryIndex(SalesHistory())
        #expect(index.customers.isEmpty)
        #expect(index.sales(of: "C", in: [YearMonth(year: 2026, month: 1)]) == 0)
        #expect(index.latestName(of: "C", upTo: YearMonth(year: 2026, month: 1)) == nil)
    }

    @Test func creditInputsReindexWhenTheHistoryChanges() {
        var inputs = CreditInputs(history: SalesHistory(), receivables: [:], settings: PolicySettings(), cadence: .quarterly)
        let month = YearMonth(year: 2026, month: 9)
        inputs.history.customers["C"] = [month: CustomerMonthFigures(
            sales: 7, cost: 0, nonZeroLines: 1, lines: 1, latestName: "甲", latestNameRecency: LineRecency(date: 1, sequence: 1))]
        #expect(inputs.customers(in: .quarter(year: 2026, quarter: 3)) == ["C"])
    }
}
