import Testing
@testable import KamPolicy
@testable import KamStore

/// The report cache's binary form gives back exactly what was written (every optional blank
/// and filled, negative and extreme fen, doubles bit for bit, Chinese text), and refuses any
/// payload that is not whole.
@Suite struct CachedFiguresTests {
    static func row(rank: Int?, id: String, filled: Bool, sales: Fen) -> SalesReportRow {
        SalesReportRow(rank: rank, customerID: id, customerName: filled ? "甲公司, \"华东\"" : "", sales: sales, previousSales: -sales,
                  pop: filled ? -0.333_333_333_333_333_3 : nil, lastYearSales: Fen.max, yoy: filled ? .infinity : nil,
                  profit: filled ? Fen.min : nil, margin: filled ? 5e-324 : nil, ttm: 0, grade: filled ? .a : nil,
                  previousGrade: filled ? .c : nil, gradeChange: filled ? .up : nil, isKeyAccount: filled,
                  keyAccountLevel: filled ? "战略客户" : nil)
    }

    static let report = SalesReport(
        period: .quarter(year: 2026, quarter: 3),
        rows: [row(rank: 1, id: "C001", filled: true, sales: 123_456_789), row(rank: nil, id: "0012", filled: false, sales: -5),
               row(rank: 2, id: "", filled: true, sales: 0)],
        potentialCustomers: [row(rank: 1, id: "C001", filled: true, sales: 1)], hasDataInPeriod: true, isProfitKnown: false)

    static func roundTrip<F: CachedFigures>(_ value: F) throws -> F { try F(payload: value.payload) }

    @Test func salesReportsComeBackExactly() throws {
        let back = try Self.roundTrip(Self.report)
        #expect(back.period == Self.report.period)
        #expect(back.rows == Self.report.rows)
        #expect(back.potentialCustomers == Self.report.potentialCustomers)
        #expect(back.hasDataInPeriod && !back.isProfitKnown)
        #expect(back.rows[0].pop?.bitPattern == Self.report.rows[0].pop?.bitPattern)
        let empty = SalesReport(period: .month(YearMonth(year: 2026, month: 1)), rows: [], potentialCustomers: [],
                                hasDataInPeriod: false, isProfitKnown: true)
        let emptyBack = try Self.roundTrip(empty)
        #expect(emptyBack.period == empty.period && emptyBack.rows.isEmpty && emptyBack.isProfitKnown)
    }

    /// The row's bytes through `SalesReportRow.fields(_:)` are the ones the field-by-field writer
    /// gave before that list existed: entries already cached read back, and a new run caches the
    /// same payloads (the store's dump stays byte-identical).
    @Test(arguments: [true, false])
    func aRowsBytesAreThoseOfTheFormat(filled: Bool) throws {
        let row = Self.row(rank: filled ? 7 : nil, id: "C001", filled: filled, sales: -123_456_789)
        var w = FiguresWriter()
        w.optional(row.rank) { $0.int($1) }
        w.string(row.customerID)
        w.string(row.customerName)
        w.int(row.sales)
        w.int(row.previousSales)
        w.optional(row.pop) { $0.double($1) }
        w.int(row.lastYearSales)
        w.optional(row.yoy) { $0.double($1) }
        w.optional(row.profit) { $0.int($1) }
        w.optional(row.margin) { $0.double($1) }
        w.int(row.ttm)
        w.optional(row.grade) { $0.string($1.rawValue) }
        w.optional(row.previousGrade) { $0.string($1.rawValue) }
        w.optional(row.gradeChange) { $0.string($1.rawValue) }
        w.bool(row.isKeyAccount)
        w.optional(row.keyAccountLevel) { $0.string($1) }
        #expect(row.payload == w.bytes)
        #expect(try Self.roundTrip(row) == row)
        // Rows after rows: each is appended to the payload so far.
        #expect([row, row].payload == [UInt8(1), 4] + Array(w.bytes.dropFirst()) + Array(w.bytes.dropFirst()))
    }

    @Test(arguments: [Period.month(YearMonth(year: 1999, month: 12)), .quarter(year: 2026, quarter: 4), .year(2027)])
    func periodsComeBackExactly(_ period: Period) throws {
        #expect(try Self.roundTrip(period) == period)
    }

    @Test func consolidationFiguresComeBackExactly() throws {
        let warnings = [
            SubsidiaryCreditWarning(subsidiaryCode: "HG01", customerID: "C1", customerName: "乙", receivable: -1, effectiveLimit: 0,
                                    isLimitApproved: false, utilisation: nil, level: .overLimit),
            SubsidiaryCreditWarning(subsidiaryCode: "HG01", customerID: "C2", customerName: "", receivable: Fen.max,
                                    effectiveLimit: 1, isLimitApproved: true, utilisation: 0.9, level: .warning),
        ]
        #expect(try Self.roundTrip(warnings) == warnings)
        #expect(try Self.roundTrip([SubsidiaryCreditWarning]()) == [])
        let visits = SubsidiaryVisitFigures(hasVisits: true, customers: [
            CustomerVisitCompliance(customerID: "C1", customerName: "丙", grade: .b, required: 2, actual: 0, isCompliant: false),
            CustomerVisitCompliance(customerID: "C2", customerName: "丁", grade: .c, required: 0, actual: 7, isCompliant: true),
        ])
        #expect(try Self.roundTrip(visits) == visits)
        let files = SubsidiaryFileFigures(hasSnapshot: true, records: 2_500, newRecords: 3, removedRecords: 0, changedRecords: 12,
                                          completeness: 0.987_654_321, invalidCreditCodes: 1, customersWithoutFile: 4)
        #expect(try Self.roundTrip(files) == files)
        #expect(try Self.roundTrip(SubsidiaryFileFigures.missing) == .missing)
    }

    @Test func payloadsThatAreNotWholeAreRefused() throws {
        let payload = Self.report.payload
        #expect(throws: FiguresReader.Malformed.self) { try SalesReport(payload: []) }
        #expect(throws: FiguresReader.Malformed.self) { try SalesReport(payload: [99] + payload.dropFirst()) }
        #expect(throws: FiguresReader.Malformed.self) { try SalesReport(payload: payload + [0]) }
        for cut in stride(from: 1, to: payload.count, by: 7) {
            #expect(throws: FiguresReader.Malformed.self) { try SalesReport(payload: Array(payload.prefix(cut))) }
        }
        // An enum value this build does not know.
        var w = FiguresWriter()
        w.bool(true)
        w.array([0]) { w, _ in w.string("C1"); w.string("名"); w.string("Z"); w.int(1); w.int(1); w.bool(true) }
        #expect(throws: FiguresReader.Malformed.self) { try SubsidiaryVisitFigures(payload: w.bytes) }
    }

    /// hq-quarterly's view of a credit report (issue 15): counts, and per customer the figures a
    /// 跨公司客户 row quotes, with receivables, grade and both absent; the same figures make the same
    /// bytes whatever the dictionary's order; a grade this build does not know is refused.
    @Test func groupCreditComesBackExactly() throws {
        let credit = SubsidiaryGroupCredit(isReceivablesMissing: false, overLimit: 2, warning: 1, noLimit: 0, customers: [
            "C1": .init(sales: 1_234_567, receivable: 99, approvedGrade: .two, limit: 500_000),
            "C2": .init(sales: 0, receivable: nil, approvedGrade: nil, limit: 0),
            "001": .init(sales: -5, receivable: Fen.max, approvedGrade: .three, limit: Fen.min),
        ])
        #expect(try Self.roundTrip(credit) == credit)
        let missing = SubsidiaryGroupCredit(isReceivablesMissing: true, overLimit: 0, warning: 0, noLimit: 0, customers: [:])
        #expect(try Self.roundTrip(missing) == missing)
        var reordered = SubsidiaryGroupCredit(isReceivablesMissing: false, overLimit: 2, warning: 1, noLimit: 0, customers: [:])
        for key in ["001", "C2", "C1"] { reordered.customers[key] = credit.customers[key] }
        #expect(reordered.payload == credit.payload)
        var w = FiguresWriter()
        w.bool(false); w.int(0); w.int(0); w.int(0)
        w.array([0]) { w, _ in w.string("C1"); w.int(1); w.optional(Optional<Int64>.none) { $0.int($1) }; w.optional(Optional(4)) { $0.int($1) }; w.int(1) }
        #expect(throws: FiguresReader.Malformed.self) { try SubsidiaryGroupCredit(payload: w.bytes) }
    }
}
