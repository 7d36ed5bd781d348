import KamIngest
import KamPolicy
import SeededRandom

/// The drop files of one demo subsidiary: sales for every month (or quarter), and quarterly
/// receivables, customer files, visits and approvals.
struct DemoDrops {
    struct File {
        let name: String
        let text: String
        /// When the clerk dropped it (the file's mtime).
        let receivedUnix: Int64
    }

    let subsidiary: DemoSubsidiary
    let size: DemoSize
    let firstMonth: YearMonth
    /// The sales lines' stream (drawn first, so the same seed gives the same sales).
    var random: SplitMix64
    let customers: [DemoCustomer]
    let people: DemoPeople
    /// How each customer pays (DemoPayer): its receivables, grade and limit follow from it.
    let payers: [DemoPayer]
    /// The customers' master records, changed a few fields per quarter.
    var records: [DemoCustomerFile]
    /// A stream of its own for receivables, files, visits and approvals.
    var quarterRandom: SplitMix64

    init(subsidiary: DemoSubsidiary, size: DemoSize, firstMonth: YearMonth) {
        self.subsidiary = subsidiary
        self.size = size
        self.firstMonth = firstMonth
        var r = SplitMix64(seed: subsidiary.seed)
        let word = subsidiary.line == "chem" ? ["化工", "材料", "塑胶", "涂料"] : ["医药", "药业", "医疗器械", "大药房"]
        let customers = (0..<size.customers).map { i in
            DemoCustomer.make(index: i, subsidiary: subsidiary, industryWord: word[i % word.count], months: size.months, random: &r)
        }
        random = r
        var q = SplitMix64(seed: subsidiary.seed ^ 0x5EED_F11E)
        let people = DemoPeople(customers: size.customers, salt: Int(subsidiary.seed % 997))
        payers = customers.map { _ in DemoPayer.draw(&q) }
        records = customers.enumerated().map { DemoCustomerFile.make(customer: $1, index: $0, people: people, random: &q) }
        quarterRandom = q
        self.customers = customers
        self.people = people
    }

    var months: [YearMonth] { YearMonth.range(firstMonth, through: size.through) }

    var cadence: Cadence { subsidiary.line == "chem" ? .quarterly : .monthly }

    /// 10:00 Beijing time on the 3rd of the month after `period` (before the 6th's deadline).
    static func dropTime(after period: Period, day: Int = 3) -> Int64 {
        let m = period.lastMonth.adding(months: 1)
        let date = LocalDate(year: m.year, month: m.month, day: day) ?? LocalDate(daysSinceEpoch: 0)
        return Int64(date.daysSinceEpoch) * 86_400 + 2 * 3_600
    }

    mutating func files() -> [File] {
        var result: [File] = []
        var totals = DemoSalesTotals(customers: customers.count, months: months.count, firstMonth: firstMonth)
        var salesLines: [YearMonth: [String]] = [:]
        for (offset, month) in months.enumerated() {
            salesLines[month] = salesLinesFor(month: month, offset: offset, totals: &totals)
        }
        if let last = quarters().last?.lastMonth {
            let offset = last.index - firstMonth.index
            let customers = self.customers
            let orders = DemoNearB.orders(totals: totals, month: last) {
                customers[$0].expected(monthOffset: offset, calendarMonth: last.month) > 0
            }
            for order in orders {
                salesLines[last, default: []].append(largeOrderLine(order, month: last))
                totals.add(order.amount, customer: order.customer, month: last)
            }
        }
        let columns = subsidiary.hasCost
            ? ["date", "customer_id", "customer_name", "product", "quantity", "amount", "cost"]
            : ["date", "customer_id", "customer_name", "product", "quantity", "amount"]
        let header = row(subsidiary.header(.sales, columns: columns))
        if subsidiary.quarterlySalesFiles {
            var quarter: [Period: [String]] = [:]
            for m in months { quarter[Period.quarter(containing: m), default: []] += salesLines[m] ?? [] }
            for (q, lines) in quarter.sorted(by: { $0.key.firstMonth < $1.key.firstMonth }) where q.lastMonth <= size.through {
                result.append(File(name: "sales_\(q).csv", text: header + lines.joined(), receivedUnix: Self.dropTime(after: q)))
            }
        } else {
            for m in months {
                let p = Period.month(m)
                // YY02 drops its latest month a day after the deadline: a late submission.
                let late = subsidiary.code == "YY02" && m == size.through
                result.append(File(name: "sales_\(m).csv", text: header + (salesLines[m] ?? []).joined(),
                                   receivedUnix: Self.dropTime(after: p, day: late ? 7 : 3)))
            }
        }
        var balances = Array(repeating: Int64(0), count: customers.count)
        var seniorDue = Array(repeating: true, count: customers.count)
        for q in quarters() {
            result += quarterFiles(q, totals: totals, balances: &balances, seniorDue: &seniorDue)
        }
        return result
    }

    func quarters() -> [Period] {
        var seen: [Period] = []
        for m in months {
            let q = Period.quarter(containing: m)
            if q.lastMonth <= size.through && !seen.contains(q) && q.firstMonth >= firstMonth { seen.append(q) }
        }
        return seen
    }

    func row(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(subsidiary.separator) && !f.hasPrefix("\"") ? "\"" + f.replacingQuotes() + "\"" : f
        }.joined(separator: subsidiary.separator) + subsidiary.lineEnding
    }

    var products: [String] {
        subsidiary.line == "chem" ? ["PVC树脂", "烧碱", "环氧树脂", "聚乙烯", "钛白粉"]
                                  : ["阿莫西林胶囊", "头孢克肟片", "布洛芬缓释胶囊", "医用口罩", "葡萄糖注射液"]
    }

    mutating func salesLinesFor(month: YearMonth, offset: Int, totals: inout DemoSalesTotals) -> [String] {
        var lines: [String] = []
        let products = self.products
        for (index, c) in customers.enumerated() {
            let expected = c.expected(monthOffset: offset, calendarMonth: month.month)
            guard expected > 0, random.chance(0.88) else { continue }
            let n = 1 + random.int(max(2 * size.linesPerCustomerMonth - 1, 1))
            let days = LocalDate.daysIn(year: month.year, month: month.month)
            for _ in 0..<n {
                var amount = Int64(Double(expected) / Double(n) * (0.7 + 0.6 * random.unit()))
                if random.chance(0.03) { amount = -amount / 10 }  // a return or credit note
                let cost = Int64(Double(amount) * (0.62 + 0.2 * random.unit()))
                let day = 1 + random.int(days)
                var fields = [subsidiary.date(month.year, month.month, day), c.id, c.name, random.pick(products),
                              String(1 + random.int(500)), subsidiary.amount(amount)]
                if subsidiary.hasCost { fields.append(subsidiary.amount(cost)) }
                lines.append(row(fields))
                totals.add(amount, customer: index, month: month)
            }
        }
        return lines
    }

    /// The one large order of DemoNearB, on the 28th.
    func largeOrderLine(_ order: DemoNearB.Order, month: YearMonth) -> String {
        let c = customers[order.customer]
        var fields = [subsidiary.date(month.year, month.month, 28), c.id, c.name, products[0], "800", subsidiary.amount(order.amount)]
        if subsidiary.hasCost { fields.append(subsidiary.amount(order.amount / 100 * 72)) }
        return row(fields)
    }

    /// Receivables, customer files and visits for quarter `q`, and the approvals of the limits
    /// for the quarter after it. `balances` carries each customer's closing receivable from one
    /// quarter to the next (the opening balance); `seniorDue` whether its half year's senior visit
    /// is still to be made.
    mutating func quarterFiles(_ q: Period, totals: DemoSalesTotals, balances: inout [Int64], seniorDue: inout [Bool]) -> [File] {
        let at = Self.dropTime(after: q)
        var receivables = [row(subsidiary.header(.receivables, columns: ["customer_id", "receivable", "overdue", "collected", "payment_terms"]))]
        var files = [row(subsidiary.header(.customers, columns: ["customer_id", "customer_name", "credit_code", "industry", "region",
                                                                  "legal_rep", "contact", "phone", "address", "account_manager"]))]
        var visits = [row(subsidiary.header(.visits, columns: ["date", "customer_id", "visitor", "role", "purpose", "notes"]))]
        var approvals = [row(subsidiary.header(.approvals, columns: ["customer_id", "approved_limit", "approved_by"]))]
        let settings = CreditSettings()
        let basis = ProposalBasisMonth.of(proposalMonth: ProposalBasisMonth.proposalMonth(for: q), cadence: cadence)
        let grades = totals.grades(at: q.lastMonth)
        if q.firstMonth.month == 1 || q.firstMonth.month == 7 { seniorDue = Array(repeating: true, count: customers.count) }
        let offsetOfLast = q.lastMonth.index - firstMonth.index
        let listed = customers.indices.filter { customers[$0].firstMonth <= offsetOfLast }
        // A handful of file changes a quarter (2 to 4 for 60 customers).
        let perThirty = max(customers.count / 30, 1)
        for _ in 0..<(perThirty + quarterRandom.int(perThirty + 1)) where !listed.isEmpty {
            let i = listed[quarterRandom.int(listed.count)]
            records[i].change(region: customers[i].region, people: people, random: &quarterRandom)
        }
        for i in listed {
            let c = customers[i]
            let sales = totals.sales(customer: i, in: q)
            let payer = payers[i].inQuarter(&quarterRandom)
            let factor = PaymentTerms.factorHundredths(c.paymentTerms, settings: settings)
            let limit = DemoLimit.proposed(ttm: totals.ttm(customer: i, endingWith: basis), coverHundredths: payer.coverHundredths,
                                           factorHundredths: factor)
            let balance = DemoBalance.close(opening: balances[i], sales: sales, limit: limit, payer: payer, random: &quarterRandom)
            if balances[i] != 0 || sales != 0 || balance.receivable != 0 {
                receivables.append(row([c.id, subsidiary.amount(balance.receivable), subsidiary.amount(balance.overdue),
                                        subsidiary.amount(balance.collected), c.paymentTerms]))
            }
            balances[i] = balance.receivable
            let record = records[i]
            let manager = people.representatives[record.representative]
            files.append(row([c.id, c.name, c.creditCode, c.industry, c.region, record.legalRepresentative, record.contact,
                              record.phone, record.address, Self.accountManager(manager, index: i)]))
            for visit in DemoVisits.plan(quarter: q, grade: grades[i], troubled: payer == .troubled, representative: manager,
                                         people: people, seniorDue: &seniorDue[i], random: &quarterRandom) {
                visits.append(row([subsidiary.date(visit.month.year, visit.month.month, visit.day), c.id, visit.visitor,
                                   visit.role, visit.purpose, ""]))
            }
        }
        // Approvals are for the quarter the limits apply to: the next one, sized on its basis month.
        let next = q.shifted(by: 1)
        if subsidiary.line == "chem" {
            let nextBasis = ProposalBasisMonth.of(proposalMonth: ProposalBasisMonth.proposalMonth(for: next), cadence: cadence)
            for i in listed {
                let ttm = totals.ttm(customer: i, endingWith: nextBasis)
                guard ttm > 0, quarterRandom.chance(0.85) else { continue }
                let proposed = DemoLimit.proposed(ttm: ttm, coverHundredths: payers[i].coverHundredths,
                                                  factorHundredths: PaymentTerms.factorHundredths(customers[i].paymentTerms, settings: settings))
                approvals.append(row([customers[i].id, subsidiary.amount(DemoLimit.approved(proposed: proposed, random: &quarterRandom)), "总经理"]))
            }
        }
        var result = [
            File(name: "receivables_\(q).csv", text: receivables.joined(), receivedUnix: at),
            File(name: "customers_\(q).csv", text: files.joined(), receivedUnix: at),
            File(name: "visits_\(q).csv", text: visits.joined(), receivedUnix: at),
        ]
        if subsidiary.line == "chem" {
            // The general manager approves within `approval_days` of the proposal on the 21st of
            // q's last month: the clerk drops the approvals on the 23rd.
            // HG02's general manager answers one quarter late (SPEC §4.6 逾期批复): the limits for
            // the quarter before `through`'s are dropped on the 27th, three days past the deadline.
            let late = subsidiary.code == "HG02" && next == Period.quarter(containing: size.through).shifted(by: -1)
            let approvedAt = Self.dropTime(after: .month(q.lastMonth.adding(months: -1)), day: late ? 27 : 23)
            result.append(File(name: "approvals_\(next).csv", text: approvals.joined(), receivedUnix: approvedAt))
        }
        return result
    }
}

extension DemoDrops {
    /// 客户经理 as clerks write it (SPEC §4.6): every eighth customer has none (reported under
    /// `(未指定)`), and the next one's name carries stray spaces (the same manager once trimmed).
    static func accountManager(_ name: String, index: Int) -> String {
        switch index % 8 {
        case 1: ""
        case 2: " \(name) "
        default: name
        }
    }
}

extension String {
    func replacingQuotes() -> String { split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") }
}
