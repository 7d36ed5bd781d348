import Foundation
import Testing

/// The report cache (KamScheduler's `ReportMemo` and the store's `report_cache`) only saves
/// work: a run with it and the same run with the cache emptied deliver byte-identical files,
/// also when the config changed since the figures were cached.
@Suite(.serialized) struct ReportCacheEndToEndTests {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")

    /// A demo workspace (four subsidiaries, two per line, so the consolidations have others'
    /// figures to reuse), run through the 2026-10 fire dates.
    static func demo() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kam-cache-\(UUID().uuidString)")
        let made = try KamBinary.kam("demo", root.path, "--customers", "20")
        #expect(made.status == 0, "\(made.stderr)")
        return root
    }

    static func config(_ ws: URL) -> String { ws.appendingPathComponent("config/kam.yaml").path }

    static func run(_ ws: URL) throws -> KamBinary.Output {
        let r = try KamBinary.kam("run", "--config", config(ws), "--as-of", "2026-10-20T08:00")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        return r
    }

    static func cacheRows(_ ws: URL, emptying: Bool = false) throws -> Int {
        let r = try KamBinary.run(python, ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            n = db.execute("SELECT count(*) FROM report_cache").fetchone()[0]
            if sys.argv[2] == "1":
                db.execute("DELETE FROM report_cache"); db.commit()
            print(n)
            """, ws.appendingPathComponent("var/kam.sqlite").path, emptying ? "1" : "0"])
        return Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    static func copy(_ ws: URL) throws -> URL {
        let target = ws.deletingLastPathComponent().appendingPathComponent("\(ws.lastPathComponent)-copy")
        #expect(try KamBinary.run(URL(fileURLWithPath: "/bin/cp"), ["-a", ws.path, target.path]).status == 0)
        return target
    }

    /// A corrected Q3 sales file for HG01: its own workbooks and both consolidations of Q3 that
    /// read it are revised; the consolidations show the other chem subsidiary's figures too.
    static func dropLateFile(_ ws: URL) throws {
        let name = ws.appendingPathComponent("drop/HG01/sales_2026Q3_更正.csv")
        try "日期,客户编码,客户名称,金额,成本\n2026-09-03,C1,甲公司,999.00,100.00\n".write(to: name, atomically: true, encoding: .utf8)
    }

    @Test func aLateFileRunIsTheSameWithAndWithoutTheCache() throws {
        let ws = try Self.demo()
        defer { try? FileManager.default.removeItem(at: ws) }
        _ = try Self.run(ws)
        #expect(try Self.cacheRows(ws) > 0, "the cold run cached the consolidations' figures")
        try Self.dropLateFile(ws)
        let cold = try Self.copy(ws)
        defer { try? FileManager.default.removeItem(at: cold) }
        _ = try Self.cacheRows(cold, emptying: true)

        let cached = try Self.run(ws)
        let computed = try Self.run(cold)
        #expect(cached.stdout.contains("化工_2026Q3_汇总分析表.xlsx (revision 2)"), "\(cached.stdout)")
        #expect(cached.stdout.contains("集团_2026Q3_客户档案及拜访分析.xlsx (revision 2)"), "\(cached.stdout)")
        #expect(cached.stdout.replacingOccurrences(of: ws.path, with: "") == computed.stdout.replacingOccurrences(of: cold.path, with: ""))
        #expect(try KamBinary.digests(ws.appendingPathComponent("reports")) == KamBinary.digests(cold.appendingPathComponent("reports")))
    }

    @Test func figuresCachedUnderAnotherConfigAreNotReused() throws {
        let ws = try Self.demo()
        defer { try? FileManager.default.removeItem(at: ws) }
        _ = try Self.run(ws)
        // New grading thresholds change every subsidiary's grades; the late file then revises
        // the consolidations, which must show the other subsidiaries graded the new way.
        let config = try String(contentsOfFile: Self.config(ws), encoding: .utf8)
        try (config + "\ngrading: {a_share: 0.5, b_share: 0.8}\n").write(toFile: Self.config(ws), atomically: true, encoding: .utf8)
        try Self.dropLateFile(ws)
        let cold = try Self.copy(ws)
        defer { try? FileManager.default.removeItem(at: cold) }
        _ = try Self.cacheRows(cold, emptying: true)

        _ = try Self.run(ws)
        _ = try Self.run(cold)
        #expect(try KamBinary.digests(ws.appendingPathComponent("reports")) == KamBinary.digests(cold.appendingPathComponent("reports")))
    }
}
