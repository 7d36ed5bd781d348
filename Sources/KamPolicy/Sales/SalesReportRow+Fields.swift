/// Takes the fields of a `SalesReportRow` one at a time, in the order `SalesReportRow.fields(_:)`
/// lists them: the report cache's writer hands each field of a row back as it writes it, its
/// reader reads each from the bytes. One method per kind of field, so the list type-checks at
/// once and a field of a new kind needs a new method, not a guess.
public protocol SalesReportRowFields {
    associatedtype Failure: Error
    mutating func optionalCount(_ field: KeyPath<SalesReportRow, Int?>) throws(Failure) -> Int?
    mutating func text(_ field: KeyPath<SalesReportRow, String>) throws(Failure) -> String
    mutating func optionalText(_ field: KeyPath<SalesReportRow, String?>) throws(Failure) -> String?
    mutating func fen(_ field: KeyPath<SalesReportRow, Fen>) throws(Failure) -> Fen
    mutating func optionalFen(_ field: KeyPath<SalesReportRow, Fen?>) throws(Failure) -> Fen?
    mutating func optionalRatio(_ field: KeyPath<SalesReportRow, Double?>) throws(Failure) -> Double?
    mutating func optionalGrade(_ field: KeyPath<SalesReportRow, CustomerGrade?>) throws(Failure) -> CustomerGrade?
    mutating func optionalGradeChange(_ field: KeyPath<SalesReportRow, GradeChange?>) throws(Failure) -> GradeChange?
    mutating func flag(_ field: KeyPath<SalesReportRow, Bool>) throws(Failure) -> Bool
}

extension SalesReportRow {
    /// The row's sixteen fields, listed once, in the order of the columns of 客户排名 and of the
    /// report cache's bytes: writing and reading a cached row both go through this list, so they
    /// cannot disagree on which fields there are or in what order, and a field added to the row
    /// and not here does not compile (the initialiser needs it).
    public static func fields<F: SalesReportRowFields>(_ f: inout F) throws(F.Failure) -> SalesReportRow {
        SalesReportRow(rank: try f.optionalCount(\.rank), customerID: try f.text(\.customerID),
                       customerName: try f.text(\.customerName), sales: try f.fen(\.sales), previousSales: try f.fen(\.previousSales),
                       pop: try f.optionalRatio(\.pop), lastYearSales: try f.fen(\.lastYearSales), yoy: try f.optionalRatio(\.yoy),
                       profit: try f.optionalFen(\.profit), margin: try f.optionalRatio(\.margin), ttm: try f.fen(\.ttm),
                       grade: try f.optionalGrade(\.grade), previousGrade: try f.optionalGrade(\.previousGrade),
                       gradeChange: try f.optionalGradeChange(\.gradeChange), isKeyAccount: try f.flag(\.isKeyAccount),
                       keyAccountLevel: try f.optionalText(\.keyAccountLevel))
    }
}
