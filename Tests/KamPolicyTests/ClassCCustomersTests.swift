import Testing
@testable import KamPolicy

/// C类客户分析 (SPEC §4.6): C customers by ttm, the gap to the smallest B, the share of the graded
/// total and the C → B moves; the tie rule of §4.1 makes a C customer level with a B one impossible.
@Suite struct ClassCCustomersTests {
    static let q3 = Period.quarter(year: 2026, quarter: 3)

    /// Rows graded by §4.1 from `ttm` (previous grades as given).
    static func rows(_ ttm: [String: Fen], previous: [String: CustomerGrade] = [:]) throws -> [SalesReportRow] {
        let grades = try CustomerGrade.grades(ttm: ttm, settings: GradingSettings())
        return ttm.keys.sorted().map { id in
            SalesReportRow(rank: nil, customerID: id, customerName: "客户\(id)", sales: 0, previousSales: 0, pop: nil, lastYearSales: 0,
                      yoy: nil, profit: nil, margin: nil, ttm: ttm[id] ?? 0, grade: grades[id], previousGrade: previous[id],
                      gradeChange: GradeChange.between(previous: previous[id], current: grades[id]), isKeyAccount: false,
                      keyAccountLevel: nil)
        }
    }

    @Test func aCustomerLevelWithTheSmallestBIsBItself() throws {
        // T = 1000. a: before 0 → A; b: 0.70 → B; t1, t2 tie at 60: both before 0.85 → B; e: 0.97 → C.
        let rows = try Self.rows(["a": 700, "b": 150, "t1": 60, "t2": 60, "e": 30])
        #expect(rows.first { $0.customerID == "t2" }?.grade == .b)
        let c = try ClassCCustomers(rows: rows, topN: 20, period: Self.q3)
        #expect(c.entries.map(\.row.customerID) == ["e"])
        #expect(c.entries.map(\.gapToB) == [30])                  // 60 − 30: never 0 (a tie would be B)
        #expect(c.count == 1)
        #expect(c.ttmShare == 0.03)
    }

    static let cases: [(String, [String: Fen], Int, [String], [Fen?])] = [
        ("by ttm descending, ties by customer_id", ["a": 800, "b": 100, "c2": 20, "c1": 20, "c3": 40, "z": 20], 20,
         ["c3", "c1", "c2", "z"], [60, 80, 80, 80]),
        ("cut at top_n", ["a": 800, "b": 100, "c2": 20, "c1": 20, "c3": 40, "z": 20], 2, ["c3", "c1"], [60, 80]),
        ("top_n 0 lists nobody", ["a": 800, "b": 100, "c1": 100], 0, [], []),
        // T = 9999: c's before is 9000/9999, just past b_share (0.9): C by a hair.
        ("just past the B share", ["a": 7000, "b": 2000, "c": 999], 20, ["c"], [1001]),
        ("no B customer: the gap is blank", ["a": 100, "c": 1], 20, ["c"], [nil]),
        ("ttm ≤ 0 is ungraded, never C", ["a": 800, "b": 150, "c": 50, "n": 0, "m": -10], 20, ["c"], [100]),
        ("everyone tied: all A, no C", ["x": 10, "y": 10, "z": 10], 20, [], []),
    ]

    @Test(arguments: cases)
    func listing(_ what: String, _ ttm: [String: Fen], _ topN: Int, _ ids: [String], _ gaps: [Fen?]) throws {
        let c = try ClassCCustomers(rows: try Self.rows(ttm), topN: topN, period: Self.q3)
        #expect(c.entries.map(\.row.customerID) == ids, "\(what)")
        #expect(c.entries.map(\.gapToB) == gaps, "\(what)")
        #expect(c.entries.allSatisfy { ($0.gapToB ?? 1) > 0 }, "\(what): a listed C customer is always below every B")
    }

    @Test func countShareAndMovesToB() throws {
        // T = 1000: a A; b1 (0.70), b2 (0.80) B; c1 (0.90), c2 (0.95) C.
        let rows = try Self.rows(["a": 700, "b1": 100, "b2": 100, "c1": 50, "c2": 50],
                                 previous: ["b1": .c, "b2": .b, "c1": .c, "a": .c])
        let c = try ClassCCustomers(rows: rows, topN: 1, period: Self.q3)
        #expect(c.count == 2)                    // every C customer, not only the listed one
        #expect(c.entries.count == 1)
        #expect(c.ttmShare == 0.1)
        #expect(c.movedToB == 1)                 // b1; a went C → A, which is not C → B
    }

    @Test func nobodyGraded() throws {
        let c = try ClassCCustomers(rows: try Self.rows(["n": 0]), topN: 20, period: Self.q3)
        #expect(c.entries.isEmpty && c.count == 0 && c.ttmShare == nil && c.movedToB == 0)
    }
}
