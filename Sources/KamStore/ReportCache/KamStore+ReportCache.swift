import Foundation
import GRDB
import KamPolicy

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

    /// The cached figures, or nil when there are none for exactly `computedFrom` or they cannot
    /// be read back whole (then the caller recomputes them).
    public func cachedFigures<Figures: CachedFigures>(_ type: Figures.Type, kind: String, subsidiary: String, period: Period,
                                                       computedFrom: String) -> Figures? {
        guard let payload = try? cachedReport(kind: kind, subsidiary: subsidiary, period: period.description,
                                              computedFrom: computedFrom)
        else { return nil }
        return try? Figures(payload: [UInt8](payload))
    }

    public func cacheFigures<Figures: CachedFigures>(_ figures: Figures, kind: String, subsidiary: String, period: Period,
                                                      computedFrom: String) throws {
        try cacheReport(kind: kind, subsidiary: subsidiary, period: period.description, lastMonth: period.lastMonth.index,
                        computedFrom: computedFrom, payload: Data(figures.payload))
    }

    /// Forgets entries of periods that ended before `month` (a `YearMonth.index`): a file that
    /// late is rare, and then costs one recomputation, while each entry costs up to a megabyte.
    public func pruneReportCache(endedBefore month: Int) throws {
        try db.write { db in try db.execute(sql: "DELETE FROM report_cache WHERE lastMonth < ?", arguments: [month]) }
    }
}
