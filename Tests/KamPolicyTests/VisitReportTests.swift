import Testing
@testable import KamPolicy

/// 客户拜访记录及分析 (SPEC §4.3) on a small hand-made subsidiary.
@Suite struct VisitReportTests {
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }
    static func q(_ y: Int, _ n: Int) -> Period { .quarter(year: y, quarter: n) }
    static func day(_ m: Int, _ d: Int) -> LocalDate { LocalDate(year: 2026, month: m, day: d) ?? LocalDate(daysSinceEpoch: 0) }
    static func visit(_ id: String, _ m: Int, _ d: Int, _ who: String, _ role: VisitorRole, _ purpose: String = "") -> VisitRecord {
        VisitRecord(date: day(m, d), customerID: id, visitor: who, role: role, purpose: purpose)
    }

    static let requiredCases: [(CustomerGrade?, CreditGrade?, Int)] = [
        (.a, nil, 3),
        (.b, nil, 2),
        (.c, nil, 1),
        (.a, .three, 4),        // credit grade 3 adds one
        (.c, .three, 2),
        (.b, .two, 2),
        (nil, nil, 0),          // ungraded: no requirement
        (nil, .three, 1),       // ungraded but risky: the extra alone
    ]

    @Test(arguments: requiredCases)
    func required(grade: CustomerGrade?, credit: CreditGrade?, expected: Int) {
        #expect(VisitRequirement.required(grade: grade, approvedCreditGrade: credit, settings: VisitSettings()) == expected)
    }

    static let seniorCases: [(CustomerGrade?, Set<VisitorRole>, Bool, HalfYearSeniorVisit?)] = [
        (.a, [.leader], true, .met),
        (.a, [.manager, .representative], true, .missed),    // A needs a leader
        (.b, [.manager], true, .met),
        (.b, [.leader], true, .met),
        (.b, [.representative], true, .missed),
        (.a, [.leader], false, .done),
        (.b, [], false, .pending),
        (.c, [.leader], true, nil),
        (nil, [.leader], true, nil),
    ]

    @Test(arguments: seniorCases)
    func halfYearSeniorVisit(grade: CustomerGrade?, roles: Set<VisitorRole>, halfYearEnd: Bool, expected: HalfYearSeniorVisit?) {
        #expect(HalfYearSeniorVisit.of(grade: grade, roles: roles, isHalfYearEnd: halfYearEnd) == expected)
    }

    // ttm at 2026Q1 and 2026Q2 (both windows hold Sep 2025): A1 8,000, B1 1,500, C1 500 (T 10,000):
    // before 0 → A; 0.80 → B; 0.95 → C.
    static let history = SalesHistory(customers: [
        "A1": [ym(2025, 9): CreditReportTests.sale(8_000, name: "甲")],
        "B1": [ym(2025, 9): CreditReportTests.sale(1_500, name: "乙")],
        "C1": [ym(2025, 9): CreditReportTests.sale(500, name: "丙")],
    ])
    // B1 in 2026Q2's receivables: ratio 500/1,000 = 0.5 → assessed and approved (Q2) grade 3.
    static let credit = CreditInputs(
        history: history,
        receivables: [q(2026, 2): [CreditReportTests.rec("B1", 1_000, overdue: 500)]],
        customerFiles: [q(2026, 1): [CustomerFileRecord(customerID: "K1", fields: ["customer_name": "档案客户"])]],
        settings: PolicySettings(), cadence: .quarterly)
    static let visits: [Period: [VisitRecord]] = [
        q(2026, 1): [visit("A1", 2, 10, "王五", .leader, "客情建设")],
        q(2026, 2): [visit("A1", 4, 1, "张三", .representative, "产品销售"),
                     visit("A1", 5, 1, "张三", .representative, "市场维护"),
                     visit("A1", 6, 1, "张三", .representative, "随访"),
                     visit("B1", 4, 2, "李四", .manager, "客情建设"),
                     visit("B1", 5, 2, "李四", .manager),
                     visit("X9", 5, 3, "张三", .representative, "信息收集"),
                     visit("K1", 4, 3, "李四", .manager, "客户指导")],
    ]

    @Test func q2RequirementsComplianceAndHalfYear() throws {
        let r = try VisitReport(quarter: Self.q(2026, 2), visits: Self.visits, credit: Self.credit)
        #expect(r.rows.map(\.customerID) == ["A1", "B1", "C1", "K1"])
        #expect(r.rows.map(\.grade) == [.a, .b, .c, nil])
        #expect(r.rows.map(\.required) == [3, 3, 1, 0])         // B1: 2 + 1 for credit grade 3
        #expect(r.rows.map(\.actual) == [3, 2, 0, 1])
        #expect(r.rows.map(\.compliance) == [.compliant, .notCompliant, .notCompliant, .compliant])
        // A1's leader visit was in Q1: the half year Q1+Q2 counts.
        #expect(r.rows.map(\.seniorVisit) == [.met, .met, nil, nil])
        #expect(r.rows.first?.visitsByRole == [.representative: 3])
        #expect(r.rows.first?.customerName == "甲")
        #expect(r.rows.last?.customerName == "档案客户")
        #expect(r.unknownCustomerVisits.map(\.customerID) == ["X9"])
        #expect(r.visits.count == 6)
        #expect(r.requiredTotal == 7)
        #expect(r.compliance(of: .a) == (1, 1))
        #expect(r.compliance(of: .b) == (1, 0))
    }

    @Test func purposeMixAndVisitors() throws {
        let r = try VisitReport(quarter: Self.q(2026, 2), visits: Self.visits, credit: Self.credit)
        #expect(r.purposeMix.counts.map(\.purpose) == ["产品销售", "市场维护", "客情建设", "信息收集", "客户指导", "随访", "未填写"])
        #expect(r.purposeMix.counts.map(\.visits) == [1, 1, 1, 1, 1, 1, 1])   // 随访 under its own name, the blank one 未填写
        #expect(r.visitors == [VisitorSummary(visitor: "张三", roles: [.representative], visits: 4, customersCovered: 2),
                               VisitorSummary(visitor: "李四", roles: [.manager], visits: 3, customersCovered: 2)])
    }

    @Test func q1ShowsProgress() throws {
        let r = try VisitReport(quarter: Self.q(2026, 1), visits: Self.visits, credit: Self.credit)
        // No receivables at all: no credit extra. A1 visited by a leader in Q1: done; B1 pending.
        #expect(r.rows.map(\.customerID) == ["A1", "B1", "C1"])
        #expect(r.rows.map(\.required) == [3, 2, 1])
        #expect(r.rows.map(\.seniorVisit) == [.done, .pending, nil])
        #expect(!r.isHalfYearEnd)
    }

    @Test func missingVisitsFileCountsZeroAndSaysSo() throws {
        let r = try VisitReport(quarter: Self.q(2026, 3), visits: Self.visits, credit: Self.credit)
        #expect(r.isVisitsMissing)
        #expect(r.rows.allSatisfy { $0.actual == 0 })
        #expect(r.warnings.contains { $0.contains("visits") })
    }

    @Test func unknownMeansNoFileAndNoSalesIn24Months() {
        let q = Self.q(2026, 2)
        #expect(UnknownVisitedCustomer.isUnknown("X9", quarter: q, history: Self.history, customerFiles: Self.credit.customerFiles))
        #expect(!UnknownVisitedCustomer.isUnknown("A1", quarter: q, history: Self.history, customerFiles: Self.credit.customerFiles))
        #expect(!UnknownVisitedCustomer.isUnknown("K1", quarter: q, history: Self.history, customerFiles: Self.credit.customerFiles))
        // K1's file is from 2026Q1: for a 2025 quarter it was not yet known.
        #expect(UnknownVisitedCustomer.isUnknown("K1", quarter: Self.q(2025, 4), history: Self.history, customerFiles: Self.credit.customerFiles))
    }
}
