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
    var random: SplitMix64
    let customers: [DemoCustomer]

    init(subsidiary: DemoSubsidiary, size: DemoSize, firstMonth: YearMonth) {
        self.subsidiary = subsidiary
        self.size = size
        self.firstMonth = firstMonth
        var r = SplitMix64(seed: subsidiary.seed)
        let word = subsidiary.line == "chem" ? ["化工", "材料", "塑胶", "涂料"] : ["医药", "药业", "医疗器械", "大药房"]
        customers = (0..<size.customers).map { i in
            DemoCustomer.make(index: i, subsidiary: subsidiary, industryWord: word[i % word.count], months: size.months, random: &r)
        }
        random = r
    }

    var months: [YearMonth] { YearMonth.range(firstMonth, through: size.through) }

    /// 10:00 Beijing time on the 3rd of the month after `period` (before the 6th's deadline).
    static func dropTime(after period: Period, day: Int = 3) -> Int64 {
        let m = period.lastMonth.adding(months: 1)
        let date = LocalDate(year: m.year, month: m.month, day: day) ?? LocalDate(daysSinceEpoch: 0)
        return Int64(date.daysSinceEpoch) * 86_400 + 2 * 3_600
    }

    mutating func files() -> [File] {
        var result: [File] = []
        var salesByMonth: [YearMonth: [String: Int64]] = [:]
        var salesLines: [YearMonth: [String]] = [:]
        for (offset, month) in months.enumerated() {
            let (lines, totals) = salesLinesFor(month: month, offset: offset)
            salesLines[month] = lines
            salesByMonth[month] = totals
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
        for q in quarters() {
            result += quarterFiles(q, sales: salesByMonth)
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

    mutating func salesLinesFor(month: YearMonth, offset: Int) -> ([String], [String: Int64]) {
        var lines: [String] = []
        var totals: [String: Int64] = [:]
        let products = subsidiary.line == "chem" ? ["PVC树脂", "烧碱", "环氧树脂", "聚乙烯", "钛白粉"]
                                                 : ["阿莫西林胶囊", "头孢克肟片", "布洛芬缓释胶囊", "医用口罩", "葡萄糖注射液"]
        for c in customers {
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
                totals[c.id, default: 0] += amount
            }
        }
        return (lines, totals)
    }

    mutating func quarterFiles(_ q: Period, sales: [YearMonth: [String: Int64]]) -> [File] {
        let at = Self.dropTime(after: q)
        var receivables = [row(subsidiary.header(.receivables, columns: ["customer_id", "receivable", "overdue", "collected", "payment_terms"]))]
        var files = [row(subsidiary.header(.customers, columns: ["customer_id", "customer_name", "credit_code", "industry", "region",
                                                                  "legal_rep", "contact", "phone", "address", "account_manager"]))]
        var visits = [row(subsidiary.header(.visits, columns: ["date", "customer_id", "visitor", "role", "purpose", "notes"]))]
        var approvals = [row(subsidiary.header(.approvals, columns: ["customer_id", "approved_limit", "approved_by"]))]
        let roles = ["销售代表", "销售代表", "销售代表", "销售主管", "公司领导"]
        let purposes = ["产品销售", "市场维护", "客情建设", "信息收集", "客户指导"]
        let visitors = ["张伟", "王芳", "李强", "刘洋", "陈静"]
        let offsetOfLast = q.lastMonth.index - firstMonth.index
        for (i, c) in customers.enumerated() where c.firstMonth <= offsetOfLast {
            let quarterSales = q.months.reduce(Int64(0)) { $0 + (sales[$1]?[c.id] ?? 0) }
            let receivable = max(quarterSales / 2 + Int64(random.int(100_000_00)), 0)
            let overdue = random.chance(0.2) ? receivable / Int64(2 + random.int(6)) : receivable / 50
            let collected = quarterSales * Int64(70 + random.int(30)) / 100
            if quarterSales > 0 || random.chance(0.3) {
                receivables.append(row([c.id, subsidiary.amount(receivable), subsidiary.amount(overdue),
                                        subsidiary.amount(collected), c.paymentTerms]))
            }
            let phone = random.chance(0.1) ? "" : "139" + String(10_000_000 + random.int(89_999_999))
            files.append(row([c.id, c.name, c.creditCode, c.industry, c.region, random.pick(["王建国", "李明", "赵丽"]),
                              random.chance(0.15) ? "" : random.pick(["周经理", "吴主任", "郑总"]), phone,
                              "\(c.region)某路\(1 + random.int(300))号", Self.accountManager(random.pick(visitors), index: i)]))
            let visitCount = quarterSales > 0 ? random.int(5) : 0
            for _ in 0..<visitCount {
                let m = q.months[random.int(3)]
                visits.append(row([subsidiary.date(m.year, m.month, 1 + random.int(28)), c.id, random.pick(visitors),
                                   random.pick(roles), random.pick(purposes), ""]))
            }
            if subsidiary.line == "chem" && quarterSales > 0 && random.chance(0.7) {
                approvals.append(row([c.id, subsidiary.amount(Int64(random.int(50) + 1) * 10_000_00), "总经理"]))
            }
        }
        // Approvals are for the quarter the limits apply to: the next one.
        let next = q.shifted(by: 1)
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
