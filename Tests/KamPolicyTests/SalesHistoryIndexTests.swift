import Testing
@testable import KamPolicy

/// The reports read sales through `SalesHistoryIndex`, the storage of `SalesHistory`; every answer
/// must be the one the dictionaries it replaced give (`DictionarySalesHistory`), including ties
/// between names, months outside the history, zero-line months and histories too spread out to
/// lay densely, whether it was laid out from the dictionaries or built row by row by the store.
@Suite struct SalesHistoryIndexTests {
    /// A small deterministic generator, so a failure repeats.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func customers(seed: UInt64, firstMonth: YearMonth, span: Int) -> [String: [YearMonth: CustomerMonthFigures]] {
        var g = Generator(state: seed)
        var customers: [String: [YearMonth: CustomerMonthFigures]] = [:]
        for c in 0..<30 {
            var byMonth: [YearMonth: CustomerMonthFigures] = [:]
            for _ in 0..<g.next(12) {
                let lines = g.next(3)
                let sales = Fen(g.next(2000)) - 500
                byMonth[firstMonth.adding(months: g.next(span))] = CustomerMonthFigures(
                    sales: sales, cost: Fen(g.next(300)), nonZeroLines: lines == 0 ? 0 : g.next(2), lines: lines,
                    latestName: "名\(g.next(5))", latestNameRecency: LineRecency(date: 20260100 + g.next(3), sequence: g.next(2)))
            }
            customers["C\(c)"] = byMonth
        }
        customers["EMPTY"] = [:]
        return customers
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

    /// Every query of `history` (its public methods and its index) answers as `reference`.
    func check(_ history: SalesHistory, against reference: DictionarySalesHistory, first: YearMonth, span: Int) throws {
        let index = history.index
        #expect(history.customers == reference.customers)
        #expect(Set(index.customers) == Set(reference.customers.keys))
        for id in Array(reference.customers.keys) + ["NOBODY"] {
            for months in Self.windows(around: first, span: span) {
                #expect(try index.sales(of: id, in: months) == reference.sales(of: id, in: months))
                #expect(try history.sales(of: id, in: months) == reference.sales(of: id, in: months))
                #expect(try index.cost(of: id, in: months) == reference.cost(of: id, in: months))
                #expect(try history.cost(of: id, in: months) == reference.cost(of: id, in: months))
                #expect(index.hasNonZeroLine(id, in: months) == reference.hasNonZeroLine(id, in: months))
                #expect(history.hasNonZeroLine(id, in: months) == reference.hasNonZeroLine(id, in: months))
                #expect(index.latestName(of: id, in: months) == reference.latestName(of: id, in: months))
                #expect(history.latestName(of: id, in: months) == reference.latestName(of: id, in: months))
                #expect(index.hasLine(id, in: months) == reference.hasLine(id, in: months))
            }
            for offset in [-2, 0, 5, span, span + 4] {
                let last = first.adding(months: offset)
                #expect(index.latestName(of: id, upTo: last) == reference.latestName(of: id, upTo: last))
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func denseIndexAnswersAsTheDictionaries(seed: UInt64) throws {
        let first = YearMonth(year: 2024, month: 10)
        let customers = Self.customers(seed: seed, firstMonth: first, span: 27)
        try check(SalesHistory(customers: customers), against: DictionarySalesHistory(customers: customers), first: first, span: 27)
    }

    @Test func spreadOutHistoryAnswersAsTheDictionaries() throws {
        let first = YearMonth(year: 1900, month: 1)
        var customers = Self.customers(seed: 9, firstMonth: first, span: 27)
        customers["FAR"] = [YearMonth(year: 2100, month: 1): CustomerMonthFigures(
            sales: 5, cost: 1, nonZeroLines: 1, lines: 1, latestName: "远", latestNameRecency: LineRecency(date: 1, sequence: 1))]
        let history = SalesHistory(customers: customers)
        try check(history, against: DictionarySalesHistory(customers: customers), first: first, span: 27)
        #expect(history.index.latestName(of: "FAR", upTo: YearMonth(year: 2200, month: 1)) == "远")
        #expect(history.index.latestName(of: "FAR", upTo: YearMonth(year: 2099, month: 12)) == nil)
    }

    /// The store's way in: cells in any order, a customer's rows spread over several files, a
    /// cell set twice (the later wins), names shared or not.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func builderAnswersAsTheDictionaries(seed: UInt64) throws {
        let first = YearMonth(year: 2024, month: 10)
        var customers = Self.customers(seed: seed, firstMonth: first, span: 27)
        var g = Generator(state: seed)
        var cells = customers.flatMap { id, byMonth in byMonth.map { (id, $0.key, $0.value) } }
        for i in cells.indices.reversed() { cells.swapAt(i, g.next(i + 1)) }
        var builder = SalesHistoryBuilder(firstMonth: first, monthCount: 27)
        for (id, byMonth) in customers where byMonth.isEmpty { _ = builder.row(of: id) }  // named, no months
        if let (id, m, _) = cells.first {
            // A replaced cell: only the last figures set remain.
            let row = builder.row(of: id)
            builder.set(row: row, month: m, figures: 99, cost: 9, nonZeroLines: 0, lines: 0, latestName: "旧",
                        latestNameRecency: LineRecency(date: 1, sequence: 1))
        }
        for (id, m, f) in cells {
            let row = builder.row(of: id)
            let name = builder.latestName(inRow: row) == f.latestName ? builder.latestName(inRow: row) ?? "" : f.latestName
            builder.set(row: row, month: m, figures: f.sales, cost: f.cost, nonZeroLines: f.nonZeroLines, lines: f.lines,
                        latestName: name, latestNameRecency: f.latestNameRecency)
        }
        let outside = builder.row(of: "OUTSIDE")
        builder.set(row: outside, month: first.adding(months: 27), figures: 1, cost: 0, nonZeroLines: 1, lines: 1,
                    latestName: "外", latestNameRecency: LineRecency(date: 1, sequence: 1))
        customers["OUTSIDE"] = [:]
        let history = builder.history { $0.month % 2 == 0 }
        try check(history, against: DictionarySalesHistory(customers: customers), first: first, span: 27)
        var withLines: [YearMonth: Bool] = [:]
        for byMonth in customers.values { for (m, f) in byMonth where f.lines > 0 { withLines[m] = m.month % 2 == 0 } }
        #expect(history.costKnownByMonth == withLines)
    }

    /// What a store load of only `months` builds: a row per customer with figures in them,
    /// set month by month from the same cells.
    static func directLoad(_ customers: [String: [YearMonth: CustomerMonthFigures]], months: Set<YearMonth>,
                           costKnown: (YearMonth) -> Bool) -> SalesHistory {
        guard let low = months.min(), let high = months.max() else { return SalesHistory() }
        var builder = SalesHistoryBuilder(firstMonth: low, monthCount: high.index - low.index + 1)
        for (id, byMonth) in customers {
            for (m, f) in byMonth.sorted(by: { $0.key < $1.key }) where months.contains(m) {
                builder.set(row: builder.row(of: id), month: m, figures: f.sales, cost: f.cost, nonZeroLines: f.nonZeroLines,
                            lines: f.lines, latestName: f.latestName, latestNameRecency: f.latestNameRecency)
            }
        }
        return builder.history(costKnown: costKnown)
    }

    /// A run loads a subsidiary's history once over every month its workbooks read and gives
    /// each its own months (`restricted`): that must be the history a load of those months
    /// builds — the same customers (one with figures only outside them is not there), the same
    /// months with data and cost known, the same names up to a month — for windows at either
    /// edge, inside, with gaps, a single month, none, and months the history does not have.
    @Test(arguments: [21, 22, 23] as [UInt64])
    func aRestrictedHistoryIsTheOneALoadOfItsMonthsBuilds(seed: UInt64) throws {
        let first = YearMonth(year: 2024, month: 7)
        let customers = Self.customers(seed: seed, firstMonth: first, span: 28)
        let costKnown: (YearMonth) -> Bool = { $0.month != 3 }
        let union = Self.directLoad(customers, months: Set(YearMonth.range(first, through: first.adding(months: 27))),
                                    costKnown: costKnown)
        let windows: [Set<YearMonth>] = [
            Set(YearMonth.range(first, through: first.adding(months: 23))),
            Set(YearMonth.range(first.adding(months: 3), through: first.adding(months: 26))),
            Set(YearMonth.range(first.adding(months: 10), through: first.adding(months: 12))),
            [first.adding(months: 2), first.adding(months: 9), first.adding(months: 20)],
            [first.adding(months: 27)], [],
            Set(YearMonth.range(first.adding(months: 25), through: first.adding(months: 31))),
        ]
        for months in windows {
            let restricted = union.restricted(to: months, costKnown: costKnown)
            let direct = Self.directLoad(customers, months: months, costKnown: costKnown)
            #expect(restricted.customers == direct.customers, "\(months.sorted())")
            #expect(restricted.costKnownByMonth == direct.costKnownByMonth)
            for id in Array(customers.keys) + ["NOBODY"] {
                for m in YearMonth.range(first.adding(months: -1), through: first.adding(months: 29)) {
                    #expect(restricted.index.latestName(of: id, upTo: m) == direct.index.latestName(of: id, upTo: m))
                }
            }
        }
        // A history too spread out to lay densely is restricted the other way, to the same result.
        var spreadCustomers = customers
        spreadCustomers["FAR"] = [YearMonth(year: 2200, month: 1): CustomerMonthFigures(sales: 7, cost: 1, nonZeroLines: 1, lines: 1,
                                    latestName: "远", latestNameRecency: LineRecency(date: 22000101, sequence: 0))]
        let spread = SalesHistory(costKnownByMonth: union.costKnownByMonth, customers: spreadCustomers)
        let window = Set(YearMonth.range(first.adding(months: 3), through: first.adding(months: 14)))
        #expect(spread.restricted(to: window, costKnown: costKnown).customers
                == Self.directLoad(customers, months: window, costKnown: costKnown).customers)
        // Customers with no figures in the window are not in it (the union has all of them).
        let narrow = union.restricted(to: [first.adding(months: 5)], costKnown: costKnown)
        #expect(narrow.customers.count < union.customers.count)
    }

    @Test func emptyHistory() throws {
        let index = SalesHistory().index
        #expect(index.customers.isEmpty)
        #expect(SalesHistory().customers.isEmpty)
        #expect(try index.sales(of: "C", in: [YearMonth(year: 2026, month: 1)]) == 0)
        #expect(index.latestName(of: "C", upTo: YearMonth(year: 2026, month: 1)) == nil)
    }

    @Test func creditInputsReindexWhenTheHistoryChanges() throws {
        var inputs = CreditInputs(history: SalesHistory(), receivables: [:], settings: PolicySettings(), cadence: .quarterly)
        let month = YearMonth(year: 2026, month: 9)
        inputs.history.customers["C"] = [month: CustomerMonthFigures(
            sales: 7, cost: 0, nonZeroLines: 1, lines: 1, latestName: "甲", latestNameRecency: LineRecency(date: 1, sequence: 1))]
        #expect(try inputs.customers(in: .quarter(year: 2026, quarter: 3)) == ["C"])
    }
}
