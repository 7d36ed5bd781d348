import Foundation
import GRDB
import GRDBSQLite

/// One row of a store query, read through GRDB's `Row.fetchCursor` (issue 21: the cursor
/// measured the same as the raw `sqlite3_step` reader it replaces, 0.489 s against 0.496 s for
/// 1M rows). The cursor's row is the statement's current row, not a copy, so it is only valid
/// inside the `forEach` body.
///
/// Why a wrapper and not `row[index]` at the call sites: `row[index]` as `Int64` or `String`
/// traps on a NULL (and SQLite reads text as the integer 0), and the store is input — a file
/// someone can edit or damage. These accessors throw a `StoredValueProblem` naming the table
/// and column instead, as the raw reader did. Text is decoded the way GRDB decodes it (up to
/// its first NUL, invalid UTF-8 repaired), so what the policy sees is unchanged.
struct StoredRow {
    let row: Row
    let table: String
    /// The statement the cursor steps. Integers are read with GRDB's
    /// `DatabaseValue(sqliteStatement:index:)`, which gives the storage class without GRDB's
    /// generic `row[index] as DatabaseValue` path: that one instantiated generic metadata for
    /// every value and cost ≈ 8–10% more CPU on a cold `kam run` of the medium demo (perf,
    /// issue 21), where the sales history is millions of values.
    private let statement: Statement

    /// Calls `body` once per row of `sql` with `arguments` bound in order (all integers here:
    /// submission ids, rowids), in the query's order. `table` names the table in a problem.
    static func forEach(_ db: Database, sql: String, table: String, arguments: [Int64],
                        _ body: (StoredRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
        while let row = try rows.next() { try body(StoredRow(row: row, table: table, statement: statement)) }
    }

    /// The integer in column `index`. kam only writes integers to these NOT NULL columns;
    /// any other storage class means a damaged store.
    func int64(_ index: Int) throws -> Int64 {
        let value = DatabaseValue(sqliteStatement: statement.sqliteStatement, index: CInt(index))
        guard case .int64(let v) = value.storage else { throw problem(index, value) }
        return v
    }

    func int(_ index: Int) throws -> Int { Int(try int64(index)) }

    /// The integer in column `index`, nil when it is NULL (an aggregate over no rows).
    func optionalInt64(_ index: Int) throws -> Int64? {
        row.hasNull(atIndex: index) ? nil : try int64(index)
    }

    /// The text in column `index` (any non-NULL value, as text). Decoded by GRDB's own
    /// `String(sqliteStatement:index:)`, which `row.decode(String.self, atIndex:)` ends in, called
    /// on the statement directly: the row's generic path around it was most of this accessor's
    /// cost (the store reads are ≈ 10% of the scale workspace's workbook phase, millions of texts).
    func string(_ index: Int) throws -> String {
        let column = CInt(index)
        guard sqlite3_column_type(statement.sqliteStatement, column) != SQLITE_NULL else { throw problem(index, .null) }
        return String(sqliteStatement: statement.sqliteStatement, index: column)
    }

    /// `string(index)`, or `previous` itself when the column's bytes are exactly its UTF-8 and
    /// hold no NUL: the same text, without allocating and validating it again (a String's UTF-8
    /// is valid, and without a NUL nothing is cut off, so those bytes decode to it unchanged).
    /// For a text that usually repeats row after row (a customer's name, month after month).
    func string(_ index: Int, sameAs previous: String?) throws -> String {
        let column = CInt(index)
        let sqlite = statement.sqliteStatement
        guard sqlite3_column_type(sqlite, column) != SQLITE_NULL else { throw problem(index, .null) }
        if var previous, let bytes = sqlite3_column_text(sqlite, column) {
            let count = Int(sqlite3_column_bytes(sqlite, column))
            if previous.utf8.count == count, memchr(bytes, 0, count) == nil,
               previous.withUTF8({ utf8 in utf8.baseAddress.map { memcmp($0, bytes, count) == 0 } ?? (count == 0) }) {
                return previous
            }
        }
        return String(sqliteStatement: sqlite, index: column)
    }

    private func problem(_ index: Int, _ value: DatabaseValue) -> StoredValueProblem {
        let names = Array(row.columnNames)
        let name = index < names.count ? names[index] : "\(index)"
        return StoredValueProblem(table: table, value: "column \(name) holding \(value)")
    }
}
