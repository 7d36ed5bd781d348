import Foundation
import GRDB

/// The report cache: one entry per kind, subsidiary and period, replaced when recomputed. The
/// store does not interpret the payload; `computedFrom` is compared whole by the caller, so an
/// entry computed from other files, another config or another kam build is never used.
extension KamStore {
    public func cachedReport(kind: String, subsidiary: String, period: String, computedFrom: String) throws -> Data? {
        try db.read { db in
            try Data.fetchOne(db, sql: """
                SELECT payload FROM report_cache WHERE kind = ? AND subsidiary = ? AND period = ? AND computedFrom = ?
                """, arguments: [kind, subsidiary, period, computedFrom])
        }
    }

    public func cacheReport(kind: String, subsidiary: String, period: String, lastMonth: Int, computedFrom: String,
                            payload: Data) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO report_cache (kind, subsidiary, period, lastMonth, computedFrom, payload)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [kind, subsidiary, period, lastMonth, computedFrom, payload])
        }
    }

    /// Forgets entries of periods that ended before `month` (a `YearMonth.index`): a file that
    /// late is rare, and then costs one recomputation, while each entry costs up to a megabyte.
    public func pruneReportCache(endedBefore month: Int) throws {
        try db.write { db in try db.execute(sql: "DELETE FROM report_cache WHERE lastMonth < ?", arguments: [month]) }
    }
}
