import GRDB
import GRDBSQLite

/// Rows bound and stepped through SQLite's C API on one GRDB statement: the quarter kinds
/// insert a row per customer or visit and sales a row per customer × month, and GRDB's
/// argument arrays (an existential per value, retained and released) cost about as much as
/// SQLite's own insert. Values are bound as GRDB binds them (integers as int64, text with its
/// length), so the stored rows are the same. A row's text is gathered in one buffer reused
/// from row to row and bound without SQLite copying it (`SQLITE_STATIC`): the buffer outlives
/// the step, and every parameter is bound again before the next one.
struct RawInsert {
    private let statement: Statement
    private let db: Database
    private var position: Int32 = 0
    private var texts: [(position: Int32, start: Int, count: Int)] = []
    private var bytes: [UInt8] = []

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let isStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    init(_ statement: Statement, _ db: Database) {
        self.statement = statement
        self.db = db
        bytes.reserveCapacity(4096)
    }

    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func int(_ value: Int64) {
        position += 1
        sqlite3_bind_int64(statement.sqliteStatement, position, value)
    }

    mutating func text(_ value: String) {
        position += 1
        let start = bytes.count
        bytes.append(contentsOf: value.utf8)
        texts.append((position, start, bytes.count - start))
    }

    /// Lets `bind` bind the row's parameters in order, then steps the statement once.
    mutating func row(_ bind: (inout RawInsert) -> Void) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        position = 0
        texts.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        bind(&self)
        let code: Int32 = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in
                for t in texts {
                    // Explicit length: a NUL inside a value is kept, not cut. An empty value is ''
                    // (a null pointer would bind NULL), copied as before.
                    if t.count > 0, let base = c.baseAddress {
                        sqlite3_bind_text(s, t.position, base + t.start, Int32(t.count), Self.isStatic)
                    } else {
                        sqlite3_bind_text(s, t.position, "", 0, Self.transient)
                    }
                }
                return sqlite3_step(s)
            }
        }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            finish()
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }

    /// Resets the statement and drops its bindings, so nothing points into `bytes` once it is gone.
    func finish() {
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }
}
