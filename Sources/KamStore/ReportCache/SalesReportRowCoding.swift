import KamPolicy

/// Writes a row's fields as `SalesReportRow.fields(_:)` lists them, handing each back unchanged.
/// The bytes are those the hand-written `write(to:)` gave before the list existed (CachedFiguresTests
/// pins them), so entries already in a store read back the same.
struct SalesReportRowWriter: SalesReportRowFields {
    let row: SalesReportRow
    var writer: FiguresWriter

    mutating func optionalCount(_ field: KeyPath<SalesReportRow, Int?>) -> Int? {
        let v = row[keyPath: field]; writer.optional(v) { $0.int($1) }; return v
    }
    mutating func text(_ field: KeyPath<SalesReportRow, String>) -> String {
        let v = row[keyPath: field]; writer.string(v); return v
    }
    mutating func optionalText(_ field: KeyPath<SalesReportRow, String?>) -> String? {
        let v = row[keyPath: field]; writer.optional(v) { $0.string($1) }; return v
    }
    mutating func fen(_ field: KeyPath<SalesReportRow, Fen>) -> Fen {
        let v = row[keyPath: field]; writer.int(v); return v
    }
    mutating func optionalFen(_ field: KeyPath<SalesReportRow, Fen?>) -> Fen? {
        let v = row[keyPath: field]; writer.optional(v) { $0.int($1) }; return v
    }
    mutating func optionalRatio(_ field: KeyPath<SalesReportRow, Double?>) -> Double? {
        let v = row[keyPath: field]; writer.optional(v) { $0.double($1) }; return v
    }
    mutating func optionalGrade(_ field: KeyPath<SalesReportRow, CustomerGrade?>) -> CustomerGrade? {
        let v = row[keyPath: field]; writer.optional(v) { $0.string($1.rawValue) }; return v
    }
    mutating func optionalGradeChange(_ field: KeyPath<SalesReportRow, GradeChange?>) -> GradeChange? {
        let v = row[keyPath: field]; writer.optional(v) { $0.string($1.rawValue) }; return v
    }
    mutating func flag(_ field: KeyPath<SalesReportRow, Bool>) -> Bool {
        let v = row[keyPath: field]; writer.bool(v); return v
    }
}

/// Reads a row's fields back in the order `SalesReportRow.fields(_:)` lists them.
struct SalesReportRowReader: SalesReportRowFields {
    typealias R = FiguresReader
    var reader: FiguresReader

    mutating func optionalCount(_: KeyPath<SalesReportRow, Int?>) throws(R.Malformed) -> Int? {
        try reader.optional { (r: inout R) throws(R.Malformed) in try r.int() }
    }
    mutating func text(_: KeyPath<SalesReportRow, String>) throws(R.Malformed) -> String { try reader.string() }
    mutating func optionalText(_: KeyPath<SalesReportRow, String?>) throws(R.Malformed) -> String? {
        try reader.optional { (r: inout R) throws(R.Malformed) in try r.string() }
    }
    mutating func fen(_: KeyPath<SalesReportRow, Fen>) throws(R.Malformed) -> Fen { try reader.int64() }
    mutating func optionalFen(_: KeyPath<SalesReportRow, Fen?>) throws(R.Malformed) -> Fen? {
        try reader.optional { (r: inout R) throws(R.Malformed) in try r.int64() }
    }
    mutating func optionalRatio(_: KeyPath<SalesReportRow, Double?>) throws(R.Malformed) -> Double? {
        try reader.optional { (r: inout R) throws(R.Malformed) in try r.double() }
    }
    mutating func optionalGrade(_: KeyPath<SalesReportRow, CustomerGrade?>) throws(R.Malformed) -> CustomerGrade? {
        try reader.optional { (r: inout R) throws(R.Malformed) in try r.raw(CustomerGrade.self) }
    }
    mutating func optionalGradeChange(_: KeyPath<SalesReportRow, GradeChange?>) throws(R.Malformed) -> GradeChange? {
        try reader.optional { (r: inout R) throws(R.Malformed) in try r.raw(GradeChange.self) }
    }
    mutating func flag(_: KeyPath<SalesReportRow, Bool>) throws(R.Malformed) -> Bool { try reader.bool() }
}
