import Foundation
import GRDB
import GRDBSQLite

/// The rows of one query read straight through SQLite's C API (`sqlite3_step`,
/// `sqlite3_column_int64`, `sqlite3_column_text`): every workbook reads tens of thousands of
/// sales and snapshot rows, and GRDB's generic `Row` decoding cost more than the query itself.
/// Values are decoded the way GRDB decodes them (text up to its first NUL, invalid UTF-8
/// repaired), so what the policy sees is unchanged.
struct RawRows {
    /// The statement being stepped; GRDB's `Statement` owns (and finalizes) it.
    private let statement: Statement
    private let table: String

    /// Prepares `sql` and binds `arguments` (all integers here: submission ids and months) in order.
    /// `table` names the table in a `StoredValueProblem`.
    init(_ db: Database, sql: String, table: String, arguments: [Int64]) throws {
        statement = try db.makeStatement(sql: sql)
        self.table = table
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        sqlite3_clear_bindings(s)
        for (i, value) in arguments.enumerated() {
            let code = sqlite3_bind_int64(s, Int32(i + 1), value)
            guard code == SQLITE_OK else { throw Self.error(code, db) }
        }
    }

    /// Calls `body` once per row, in the query's order; wraps `sqlite3_step`.
    func forEach(_ db: Database, _ body: (RawRows) throws -> Void) throws {
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw Self.error(code, db) }
            try body(self)
        }
    }

    /// The integer in column `index` of the current row (`sqlite3_column_int64`). kam only
    /// writes integers to these NOT NULL columns; anything else means a damaged store.
    func int64(_ index: Int32) throws -> Int64 {
        let s = statement.sqliteStatement
        guard sqlite3_column_type(s, index) == SQLITE_INTEGER else { throw problem(index) }
        return sqlite3_column_int64(s, index)
    }

    func int(_ index: Int32) throws -> Int { Int(try int64(index)) }

    /// The integer in column `index`, nil when it is NULL (an aggregate over no rows).
    func optionalInt64(_ index: Int32) throws -> Int64? {
        sqlite3_column_type(statement.sqliteStatement, index) == SQLITE_NULL ? nil : try int64(index)
    }

    /// The text in column `index` of the current row (`sqlite3_column_text`), decoded as GRDB does.
    func string(_ index: Int32) throws -> String {
        let s = statement.sqliteStatement
        guard sqlite3_column_type(s, index) != SQLITE_NULL, let text = sqlite3_column_text(s, index) else {
            throw problem(index)
        }
        return String(cString: text)
    }

    /// The text in column `index`, or `previous` itself when the column holds the same text: a
    /// customer's id and name repeat row after row, and sharing one String skips decoding and
    /// allocating it again. Equal bytes decode to an equal String, so the result is the same.
    func string(_ index: Int32, sameAs previous: String?) throws -> String {
        let s = statement.sqliteStatement
        guard sqlite3_column_type(s, index) != SQLITE_NULL, let text = sqlite3_column_text(s, index) else {
            throw problem(index)
        }
        if let previous {
            // `String(cString:)` reads up to the first NUL: compare the same bytes.
            let length = strlen(text)
            let same = previous.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.count == length && (length == 0 || bytes.baseAddress.map { memcmp($0, text, length) == 0 } == true)
            }
            if same == true { return previous }
        }
        return String(cString: text)
    }

    private func problem(_ index: Int32) -> StoredValueProblem {
        let name = sqlite3_column_name(statement.sqliteStatement, index).map { String(cString: $0) } ?? "\(index)"
        return StoredValueProblem(table: table, value: "column \(name) of type \(sqlite3_column_type(statement.sqliteStatement, index))")
    }

    private static func error(_ code: Int32, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}
