import GRDB
import Testing
@testable import KamStore

/// The store's reader over GRDB's cursor (issue 21, replacing the raw `sqlite3_step` one):
/// values as GRDB decodes them, a damaged value as a `StoredValueProblem` naming the table and
/// column (never a trap).
@Suite struct StoredRowTests {
    @Test func valuesProblemsAndSharedText() throws {
        let queue = try DatabaseQueue()
        var rows = 0
        try queue.read { db in
            try StoredRow.forEach(db, sql: "SELECT ?, NULL AS gone, 'x' AS word, 1.5 AS real, 'ab' || char(0) || 'c', 'same', ?, CAST(x'FF41' AS TEXT)",
                                  table: "t", arguments: [42, -7]) { row in
                rows += 1
                #expect(try row.int64(0) == 42)
                #expect(try row.int(6) == -7)
                #expect(try row.optionalInt64(1) == nil)
                #expect(try row.optionalInt64(0) == 42)
                // Text or a real where kam wrote an integer, or NULL where it wrote text: damaged.
                for index in [1, 2, 3] {
                    #expect(throws: StoredValueProblem.self) { try row.int64(index) }
                }
                do {
                    _ = try row.string(1)
                    Issue.record("NULL read as text")
                } catch let problem as StoredValueProblem {
                    #expect(problem.description == "unexpected value `column gone holding NULL` in store table t")
                }
                do {
                    _ = try row.int64(2)
                } catch let problem as StoredValueProblem {
                    #expect(problem.description.contains("column word holding \"x\""), "\(problem)")
                }
                // Text up to its first NUL, as GRDB reads it.
                #expect(try row.string(4) == "ab")
                #expect(try row.string(5) == "same")
                #expect(try row.string(0) == "42", "an integer read as text, as GRDB reads it")
                #expect(try row.string(7) == "\u{FFFD}A", "invalid UTF-8 repaired, as GRDB reads it")
            }
        }
        #expect(rows == 1)
    }

    /// Handing back the previous text when the bytes are the same gives exactly what a fresh
    /// read gives, whatever the previous text: equal, longer, shorter, with a NUL, the repaired
    /// form of invalid bytes, empty, or none.
    @Test func theSameTextHandedBackIsWhatAFreshReadGives() throws {
        let queue = try DatabaseQueue()
        let previous: [String?] = [nil, "", "甲公司", "甲公", "甲公司司", "ab", "ab\u{0}c", "\u{FFFD}A", "42", "same"]
        try queue.read { db in
            try StoredRow.forEach(db, sql: "SELECT '甲公司', '', 'ab' || char(0) || 'c', CAST(x'FF41' AS TEXT), 42, 'same', NULL",
                                  table: "t", arguments: []) { row in
                for column in 0..<6 {
                    let fresh = try row.string(column)
                    for p in previous {
                        #expect(try row.string(column, sameAs: p) == fresh, "column \(column), previous \(p ?? "nil")")
                    }
                }
                #expect(try row.string(2, sameAs: "ab\u{0}c") == "ab", "bytes with a NUL are decoded, never matched")
                #expect(throws: StoredValueProblem.self) { try row.string(6, sameAs: "x") }
            }
        }
    }

    @Test func rowsComeInTheQueryOrderAndNoneIsFine() throws {
        let queue = try DatabaseQueue()
        var seen: [String] = []
        try queue.read { db in
            try StoredRow.forEach(db, sql: "SELECT value FROM json_each('[\"甲\",\"乙\",\"乙\"]') ORDER BY key", table: "t",
                                  arguments: []) { row in
                seen.append(try row.string(0))
            }
            try StoredRow.forEach(db, sql: "SELECT 1 WHERE 0", table: "t", arguments: []) { _ in Issue.record("no rows") }
        }
        #expect(seen == ["甲", "乙", "乙"])
    }
}
