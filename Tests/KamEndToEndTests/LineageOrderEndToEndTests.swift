import Foundation
import Testing

/// A workbook's 数据来源 and its manifest `inputs` list the same files in the same order
/// whether they were stored in one ingest or several: the order is the files' (subsidiary in
/// config order, name, received time), not the order the store gave them ids. A disk-full
/// ingest stores some files in the failed run and the rest in the next; two `kam ingest`
/// runs do the same without disk tricks.
@Suite(.serialized) struct LineageOrderEndToEndTests {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")
    static let asOf = "2026-10-06T07:00"
    /// Every drop file's mtime (its received time): the same in both workspaces.
    static let received = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21

    static func workspace() throws -> URL {
        let ws = try KamBinary.workspace("small")
        let drop = ws.appendingPathComponent("drop/YY01")
        for name in try FileManager.default.contentsOfDirectory(atPath: drop.path) {
            try FileManager.default.setAttributes([.modificationDate: received], ofItemAtPath: drop.appendingPathComponent(name).path)
        }
        return ws
    }

    /// The manifest's `inputs` of the workbook at `path` in `period`, as `subsidiary/file`.
    static func manifestInputs(_ ws: URL, _ period: String, _ path: String) throws -> [String] {
        let data = try Data(contentsOf: ws.appendingPathComponent("reports/\(period)/manifest.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let books = json?["workbooks"] as? [[String: Any]] ?? []
        let inputs = books.first { $0["path"] as? String == path }?["inputs"] as? [[String: Any]] ?? []
        return inputs.map { "\($0["subsidiary"] as? String ?? "")/\($0["file"] as? String ?? "")" }
    }

    /// The 数据来源 rows of a workbook, read back with openpyxl, one tab-joined line each.
    static func dataSources(_ workbook: URL) throws -> [String] {
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
            for row in wb["数据来源"].iter_rows(min_row=2, values_only=True):
                if row[0]: print("\\t".join("" if v is None else str(v) for v in row))
            """
        let r = try KamBinary.run(python, ["-c", script, workbook.path])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func filesStoredInTwoIngestsAreListedAsFilesStoredInOne() throws {
        let once = try Self.workspace(), twice = try Self.workspace()
        defer {
            try? FileManager.default.removeItem(at: once)
            try? FileManager.default.removeItem(at: twice)
        }
        // Twice: the latest month first (it gets the first id), the earlier months in a second ingest.
        let drop = twice.appendingPathComponent("drop/YY01"), held = twice.appendingPathComponent("held")
        try FileManager.default.createDirectory(at: held, withIntermediateDirectories: true)
        let earlier = ["sales_2025-01.csv", "sales_2025-09.csv", "sales_2026-07.csv", "sales_2026-08.csv"]
        for name in earlier { try FileManager.default.moveItem(at: drop.appendingPathComponent(name), to: held.appendingPathComponent(name)) }
        let config = twice.appendingPathComponent("config/kam.yaml").path
        let first = try KamBinary.kam("ingest", "--config", config, "--as-of", Self.asOf)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("ingested: 1 accepted"), "\(first.stdout)")
        for name in earlier { try FileManager.default.moveItem(at: held.appendingPathComponent(name), to: drop.appendingPathComponent(name)) }
        let second = try KamBinary.kam("ingest", "--config", config, "--as-of", Self.asOf)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("ingested: 3 accepted, 1 rejected"), "\(second.stdout)")

        for ws in [once, twice] {
            let r = try KamBinary.kam("run", "--config", ws.appendingPathComponent("config/kam.yaml").path, "--as-of", Self.asOf)
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        }

        // YY01's 2026-09 sales report reads four files; listed by name, as one ingest stores them.
        let book = "2026-09/subsidiary/YY01_2026-09_客户销售报表.xlsx"
        let expected = ["YY01/sales_2025-01.csv", "YY01/sales_2025-09.csv", "YY01/sales_2026-08.csv", "YY01/sales_2026-09.csv"]
        #expect(try Self.manifestInputs(once, "2026-09", book) == expected)
        #expect(try Self.manifestInputs(twice, "2026-09", book) == expected)
        let rowsOnce = try Self.dataSources(once.appendingPathComponent("reports/\(book)"))
        let rowsTwice = try Self.dataSources(twice.appendingPathComponent("reports/\(book)"))
        #expect(rowsOnce.map { String($0.prefix { $0 != "\t" }) } == expected)
        #expect(rowsTwice == rowsOnce)

        // And so every delivered file, manifests included, is the same bytes.
        let a = try KamBinary.digests(once.appendingPathComponent("reports"))
        let b = try KamBinary.digests(twice.appendingPathComponent("reports"))
        #expect(a.count > 40)
        #expect(a.keys.sorted() == b.keys.sorted())
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing)")
    }
}
