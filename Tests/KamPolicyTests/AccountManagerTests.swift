import Testing
@testable import KamPolicy

/// 客户经理 (SPEC §4.6): the manager from the latest customers snapshot ≤ P's end, trimmed, else
/// (未指定); the sheet groups 客户排名's rows per manager, by 本期销售额 then name.
@Suite struct AccountManagerTests {
    static func q(_ y: Int, _ n: Int) -> Period { .quarter(year: y, quarter: n) }
    static func file(_ id: String, _ manager: String?) -> CustomerFileRecord {
        CustomerFileRecord(customerID: id, fields: manager.map { ["account_manager": $0] } ?? [:])
    }
    static let snapshot: [String: CustomerFileRecord] = Dictionary(uniqueKeysWithValues: [
        file("C1", "王芳"), file("C2", " 王芳 "), file("C3", "\u{3000}李强\t"), file("C4", ""), file("C5", "   "), file("C6", nil),
    ].map { ($0.customerID, $0) })

    static let managerCases: [(String, String, String)] = [
        ("a plain name", "C1", "王芳"),
        ("surrounding spaces are trimmed: the same manager", "C2", "王芳"),
        ("ideographic space and tab trimmed", "C3", "李强"),
        ("a blank cell", "C4", "(未指定)"),
        ("a cell of spaces only", "C5", "(未指定)"),
        ("the column absent", "C6", "(未指定)"),
        ("not in the snapshot", "C9", "(未指定)"),
    ]

    @Test(arguments: managerCases)
    func manager(_ what: String, _ id: String, _ expected: String) {
        #expect(AccountManager.of(id, in: Self.snapshot) == expected, "\(what)")
    }

    @Test func noSnapshotAtAllIsUnassigned() {
        #expect(AccountManager.of("C1", in: nil) == AccountManager.unassigned)
    }

    static let snapshotCases: [(String, YearMonth, Period?)] = [
        ("P's own quarter when it has a file", YearMonth(year: 2026, month: 9), q(2026, 3)),
        ("a month inside a quarter reads the quarter before", YearMonth(year: 2026, month: 8), q(2026, 2)),
        ("a quarter without a file falls back to the latest earlier one", YearMonth(year: 2026, month: 12), q(2026, 3)),
        ("nothing ends by then", YearMonth(year: 2025, month: 12), nil),
    ]

    @Test(arguments: snapshotCases)
    func latestSnapshot(_ what: String, _ last: YearMonth, _ expected: Period?) {
        let files: [Period: [String: CustomerFileRecord]] = [
            Self.q(2026, 1): ["Q1": Self.file("Q1", "x")], Self.q(2026, 2): ["Q2": Self.file("Q2", "x")],
            Self.q(2026, 3): ["Q3": Self.file("Q3", "x")],
        ]
        let got = AccountManager.snapshot(in: files, endingBy: last)
        #expect(got?.keys.first == expected.map { "Q\($0.lastMonth.month / 3)" }, "\(what)")
    }

    static func row(_ id: String, sales: Fen, lastYear: Fen, grade: CustomerGrade?, key: Bool = false, profit: Fen? = 0) -> SalesReportRow {
        SalesReportRow(rank: nil, customerID: id, customerName: id, sales: sales, previousSales: 0, pop: nil, lastYearSales: lastYear,
                  yoy: GrowthRate.of(sales, over: lastYear), profit: profit, margin: nil, ttm: sales, grade: grade, previousGrade: nil,
                  gradeChange: nil, isKeyAccount: key, keyAccountLevel: nil)
    }

    @Test func summaryGroupsOrdersAndTotals() throws {
        let rows = [
            Self.row("C1", sales: 500, lastYear: 400, grade: .a, key: true, profit: 100),
            Self.row("C2", sales: 300, lastYear: 0, grade: .b, profit: 60),     // same manager as C1 after trimming
            Self.row("C3", sales: 800, lastYear: 1000, grade: .c, profit: -10),
            Self.row("C4", sales: 0, lastYear: 50, grade: nil, profit: 0),      // blank: (未指定)
            Self.row("C9", sales: 800, lastYear: 0, grade: .b, profit: 5),      // not in the file: (未指定)
        ]
        let s = try AccountManagerSummary.summaries(of: rows, period: Self.q(2026, 3)) { AccountManager.of($0, in: Self.snapshot) }
        // 王芳 800 and 李强 800 and (未指定) 800 tie on sales: by name in code-point order.
        #expect(s.map(\.manager) == ["(未指定)", "李强", "王芳"])
        let wang = try #require(s.first { $0.manager == "王芳" })
        #expect((wang.customers, wang.gradeA, wang.gradeB, wang.gradeC, wang.keyAccounts) == (2, 1, 1, 0, 1))
        #expect((wang.sales, wang.lastYearSales, wang.profit) == (800, 400, 160))
        #expect(wang.yoy == 1.0)
        let none = try #require(s.first { $0.manager == "(未指定)" })
        #expect((none.customers, none.gradeB, none.sales, none.lastYearSales) == (2, 1, 800, 50))
        let li = try #require(s.first { $0.manager == "李强" })
        #expect(li.yoy.map { abs($0 + 0.2) < 1e-12 } == true)
        #expect(s.reduce(0) { $0 + $1.customers } == rows.count)
    }

    @Test func salesDescendingFirstAndBlankYoyAndUnknownProfit() throws {
        let rows = [
            Self.row("C1", sales: 100, lastYear: 0, grade: .c, profit: nil),
            Self.row("C3", sales: 900, lastYear: -5, grade: .a, profit: nil),
        ]
        let s = try AccountManagerSummary.summaries(of: rows, period: Self.q(2026, 3)) { AccountManager.of($0, in: Self.snapshot) }
        #expect(s.map(\.manager) == ["李强", "王芳"])
        #expect(s.allSatisfy { $0.yoy == nil && $0.profit == nil })   // last year ≤ 0: blank; no cost column: blank
    }

    @Test func aManagerTotalBeyondFenThrows() {
        let rows = [Self.row("C1", sales: Fen.max, lastYear: 0, grade: .a), Self.row("C2", sales: 1, lastYear: 0, grade: .a)]
        #expect(throws: MoneyOverflow.self) {
            try AccountManagerSummary.summaries(of: rows, period: Self.q(2026, 3)) { AccountManager.of($0, in: Self.snapshot) }
        }
    }
}
