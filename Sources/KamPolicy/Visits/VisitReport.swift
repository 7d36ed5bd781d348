/// The figures of one subsidiary's 客户拜访记录及分析 for quarter Q (SPEC §4.3). Pure.
public struct VisitReport: Sendable {
    public let quarter: Period
    /// Graded customers, customers whose approved credit grade is 3, and known visited
    /// customers; by grade (A, B, C, none) then customer_id.
    public let rows: [VisitReportRow]
    /// Q's visits to known customers, by date, customer_id, then file order.
    public let visits: [VisitRecord]
    /// Visits to unknown customers (see `UnknownVisitedCustomer`), same order.
    public let unknownCustomerVisits: [VisitRecord]
    public let visitors: [VisitorSummary]
    /// Over all of Q's visits, unknown customers included.
    public let purposeMix: VisitPurposeMix
    /// Whether Q's visits file is missing (then every actual is 0 and the report says so).
    public let isVisitsMissing: Bool
    /// Whether the senior-visit column is the half-year verdict (Q2/Q4) or progress (Q1/Q3).
    public let isHalfYearEnd: Bool
    public let warnings: [String]

    /// `visits`: accepted visit files by quarter; Q's is needed, and for Q2/Q4 also Q−1's (the
    /// half year). `credit`: the subsidiary's credit inputs (for the approved credit grade at
    /// Q and names); its history must cover the 24 months ending with Q's last month.
    /// `MoneyOverflow` when a ttm behind the grades, or a figure behind the approved credit
    /// grades, does not fit `Fen`.
    public init(quarter: Period, visits allVisits: [Period: [VisitRecord]], credit: CreditInputs) throws(MoneyOverflow) {
        self.quarter = quarter
        let settings = credit.settings
        let grades = try GradeAtQuarter.grades(quarter: quarter, sales: credit.sales, settings: settings.grading)
        let approved = try credit.approvedGrades(in: quarter)
        let own = allVisits[quarter] ?? []
        isVisitsMissing = allVisits[quarter] == nil
        isHalfYearEnd = ApprovedCreditGrade.isHalfYearEnd(quarter)
        let halfYear = isHalfYearEnd ? (allVisits[quarter.previous] ?? []) + own : own

        var unknownCache: [String: Bool] = [:]
        func unknown(_ id: String) -> Bool {
            if let hit = unknownCache[id] { return hit }
            let u = UnknownVisitedCustomer.isUnknown(id, quarter: quarter, sales: credit.sales, customerFiles: credit.customerFiles)
            unknownCache[id] = u
            return u
        }
        let ordered = own.enumerated().sorted { x, y in
            if x.element.date != y.element.date { return x.element.date < y.element.date }
            if x.element.customerID != y.element.customerID { return CustomerIDOrder.precedes(x.element.customerID, y.element.customerID) }
            return x.offset < y.offset
        }.map(\.element)
        let known = ordered.filter { !unknown($0.customerID) }
        visits = known
        unknownCustomerVisits = ordered.filter { unknown($0.customerID) }
        visitors = VisitorSummary.summaries(of: own)
        purposeMix = VisitPurposeMix(visits: own)

        var ids = Set(grades.keys)
        ids.formUnion(approved.filter { $0.value == .three }.keys)
        ids.formUnion(known.map(\.customerID))
        let byCustomer = Dictionary(grouping: known, by: \.customerID)
        let halfYearByCustomer = Dictionary(grouping: halfYear, by: \.customerID)
        let rank: (CustomerGrade?) -> Int = { g in g.map { CustomerGrade.allCases.firstIndex(of: $0) ?? 3 } ?? 3 }
        let halfYearEnd = isHalfYearEnd
        rows = ids.map { id in
            let mine = byCustomer[id] ?? []
            let required = VisitRequirement.required(grade: grades[id], approvedCreditGrade: approved[id], settings: settings.visits)
            var byRole: [VisitorRole: Int] = [:]
            for v in mine { byRole[v.role, default: 0] += 1 }
            return VisitReportRow(
                customerID: id,
                customerName: CreditCustomerName.of(id, upTo: quarter.lastMonth, sales: credit.sales, customerFiles: credit.customerFiles),
                grade: grades[id], approvedCreditGrade: approved[id], required: required, actual: mine.count,
                compliance: VisitCompliance.of(actual: mine.count, required: required), visitsByRole: byRole,
                seniorVisit: HalfYearSeniorVisit.of(grade: grades[id], roles: Set((halfYearByCustomer[id] ?? []).map(\.role)),
                                                    isHalfYearEnd: halfYearEnd))
        }
        .sorted { a, b in
            rank(a.grade) != rank(b.grade) ? rank(a.grade) < rank(b.grade) : CustomerIDOrder.precedes(a.customerID, b.customerID)
        }
        var warnings: [String] = []
        if isVisitsMissing { warnings.append("缺少 \(quarter) 拜访记录(visits)文件: 实际拜访次数均按 0 计") }
        if isHalfYearEnd && allVisits[quarter.previous] == nil {
            warnings.append("缺少 \(quarter.previous) 拜访记录文件: 半年度高层拜访只按本季度判断")
        }
        if credit.receivables[quarter] == nil
            && (isHalfYearEnd || credit.receivables[ApprovedCreditGrade.previousHalfYearEnd(of: quarter)] == nil) {
            warnings.append("缺少 \(quarter) 应收账款文件: 核定资信等级不全, 资信3级加访要求可能缺失")
        }
        self.warnings = warnings
    }

    public var requiredTotal: Int { rows.reduce(0) { $0 + $1.required } }
    public var actualTotal: Int { visits.count }
    public var compliantCount: Int { rows.filter { $0.compliance == .compliant }.count }
    /// Customers with a requirement (> 0), and those of them compliant, per grade (nil = ungraded).
    public func compliance(of grade: CustomerGrade?) -> (customers: Int, compliant: Int) {
        let mine = rows.filter { $0.grade == grade && $0.required > 0 }
        return (mine.count, mine.filter { $0.compliance == .compliant }.count)
    }
    public func count(of senior: HalfYearSeniorVisit) -> Int { rows.filter { $0.seniorVisit == senior }.count }
}

extension VisitReport {
    /// The same report from the loaded values directly. Visits need no cadence: the grade at Q and
    /// the approved credit grade are the same for both, and no limit is computed.
    public init(quarter: Period, visits: [Period: [VisitRecord]], history: SalesHistory,
                receivables: [Period: [ReceivableRecord]], customerFiles: [Period: [CustomerFileRecord]],
                settings: PolicySettings) throws(MoneyOverflow) {
        try self.init(quarter: quarter, visits: visits,
                  credit: CreditInputs(history: history, receivables: receivables, customerFiles: customerFiles,
                                       settings: settings, cadence: .quarterly))
    }
}
