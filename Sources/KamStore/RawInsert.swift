import GRDB
import GRDBSQLite

/// One row bound and stepped through SQLite's C API on a GRDB statement: the quarter kinds
/// insert a row per customer or visit, and GRDB's argument arrays (an existential per value,
/// retained and released) cost about as much as SQLite's own insert. Values are bound as GRDB
/// binds them (integers as int64, text with its length, copied), so the stored rows are the same.
struct RawInsert {
    private let statement: OpaquePointer
    private var position: Int32 = 0

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func int(_ value: Int64) {
        position += 1
        sqlite3_bind_int64(statement, position, value)
    }

    mutating func text(_ value: String) {
        position += 1
        var v = value
        // Explicit length: a NUL inside a value is kept, not cut. An empty value is '' (a
        // null pointer would bind NULL).
        _ = v.withUTF8 { u in
            u.withMemoryRebound(to: CChar.self) { c in
                if let base = c.baseAddress, c.count > 0 {
                    sqlite3_bind_text(statement, position, base, Int32(c.count), Self.transient)
                } else {
                    sqlite3_bind_text(statement, position, "", 0, Self.transient)
                }
            }
        }
    }

    /// Resets `statement`, lets `bind` bind its parameters in order, and steps it once.
    static func row(_ statement: Statement, _ db: Database, bind: (inout RawInsert) -> Void) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        var binder = RawInsert(statement: s)
        bind(&binder)
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(s)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        sqlite3_reset(s)
    }
}
