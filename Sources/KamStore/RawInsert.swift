import GRDB
import GRDBSQLite

/// Rows bound and stepped through SQLite's C API, several rows per statement: the quarter
/// kinds insert a row per customer or visit and sales a row per customer × month, and GRDB's
/// argument arrays (an existential per value, retained and released) cost about as much as
/// SQLite's own insert. Values are bound as GRDB binds them (integers as int64, text with its
/// length), so the stored rows are the same.
///
/// `rowsPerStatement` rows go in as one `INSERT … VALUES (…), (…), …`: SQLite's work per
/// statement (opening and closing its cursors, the foreign-key and constraint bookkeeping of
/// `sqlite3VdbeHalt`, finding the table's last rowid) is then paid once per group instead of
/// once per row. Measured on the scale ingest's storing thread: sqlite3_step for the inserts
/// was 41% of its CPU one row at a time; a C loop of 300,000 `visit_row` inserts takes 0.51 s
/// of CPU one by one and 0.31 s 32 at a time (BENCHMARKS.md). The rows of a group are inserted
/// in order within one statement, so they get the same rowids as one by one, and a failing row
/// fails the statement, and with it the transaction, as before.
///
/// A group's values wait in `cells` and its text in one buffer reused from group to group,
/// bound without SQLite copying it (`SQLITE_STATIC`): the buffer outlives the step, and every
/// parameter is bound again before the next one.
struct RawInsert {
    private let db: Database
    private let insertInto: String
    private let columns: Int
    private let group: Statement
    private var rowsWaiting = 0
    private var cells: [Cell] = []
    private var bytes: [UInt8] = []

    /// How many rows share one statement (see above: 16 saved most of it, 128 a few % more).
    static let rowsPerStatement = 32

    private enum Cell {
        case int(Int64)
        case text(start: Int, count: Int)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let isStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    /// Inserts the rows `body` gives with `row(_:)` into `insertInto` (`table (column, …)`,
    /// `columns` of them), and the last, partial group before it returns.
    static func rows(_ db: Database, into insertInto: String, columns: Int,
                     _ body: (inout RawInsert) throws -> Void) throws {
        var insert = try RawInsert(db, insertInto: insertInto, columns: columns)
        defer { insert.releaseBindings(of: insert.group) }
        try body(&insert)
        try insert.flush()
    }

    private init(_ db: Database, insertInto: String, columns: Int) throws {
        self.db = db
        self.insertInto = insertInto
        self.columns = columns
        group = try db.cachedStatement(sql: Self.sql(insertInto, columns: columns, rows: Self.rowsPerStatement))
        cells.reserveCapacity(columns * Self.rowsPerStatement)
        bytes.reserveCapacity(16_384)
    }

    private static func sql(_ insertInto: String, columns: Int, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return "INSERT INTO \(insertInto) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    mutating func int(_ value: Int) { cells.append(.int(Int64(value))) }

    mutating func int(_ value: Int64) { cells.append(.int(value)) }

    mutating func text(_ value: String) {
        let start = bytes.count
        bytes.append(contentsOf: value.utf8)
        cells.append(.text(start: start, count: bytes.count - start))
    }

    /// Lets `bind` give the row's values in column order; the row is stored with its group.
    mutating func row(_ bind: (inout RawInsert) -> Void) throws {
        let before = cells.count
        bind(&self)
        precondition(cells.count - before == columns, "RawInsert: a row of \(insertInto) gave \(cells.count - before) values")
        rowsWaiting += 1
        if rowsWaiting == Self.rowsPerStatement { try step(group) }
    }

    /// The rows still waiting (fewer than a group), in one statement of their own size.
    private mutating func flush() throws {
        guard rowsWaiting > 0 else { return }
        let tail = try db.makeStatement(sql: Self.sql(insertInto, columns: columns, rows: rowsWaiting))
        defer { releaseBindings(of: tail) }
        try step(tail)
    }

    private mutating func step(_ statement: Statement) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        let code: Int32 = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in
                for (i, cell) in cells.enumerated() {
                    let position = Int32(i + 1)
                    switch cell {
                    case .int(let value):
                        sqlite3_bind_int64(s, position, value)
                    case .text(let start, let count):
                        // Explicit length: a NUL inside a value is kept, not cut. An empty value
                        // is '' (a null pointer would bind NULL), copied as before.
                        if count > 0, let base = c.baseAddress {
                            sqlite3_bind_text(s, position, base + start, Int32(count), Self.isStatic)
                        } else {
                            sqlite3_bind_text(s, position, "", 0, Self.transient)
                        }
                    }
                }
                return sqlite3_step(s)
            }
        }
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        releaseBindings(of: statement)
        rowsWaiting = 0
        cells.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        if let message { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message) }
    }

    /// Resets the statement and drops its bindings, so nothing points into `bytes` once it is
    /// reused or gone (the group's statement stays in the connection's cache).
    private func releaseBindings(of statement: Statement) {
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }
}
