import Foundation
import Testing

/// Issue 13: config edits to the organisation after workbooks were delivered (docs/DECISIONS.md,
/// "Retired owners and renamed lines"). A renamed line keeps its delivered workbooks until a new
/// revision, which goes under the new name and moves the old file to superseded/; a line given
/// a new code retires the old owner: its workbooks are listed apart in the manifest and by
/// `kam status`, never overwritten; a config naming two lines alike is refused with nothing changed.
@Suite(.serialized) struct RetiredOwnerEndToEndTests {
    static let asOf = "2026-10-08T08:00"

    static func edit(_ ws: URL, _ from: String, _ to: String) throws {
        let url = ws.appendingPathComponent("config/kam.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(from))
        try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
    }

    static func run(_ ws: URL, _ asOf: String = asOf) throws -> KamBinary.Output {
        try KamBinary.kam("run", "--config", ws.appendingPathComponent("config/kam.yaml").path, "--as-of", asOf)
    }

    static func manifest(_ ws: URL, _ period: String) throws -> [String: Any] {
        let data = try Data(contentsOf: ws.appendingPathComponent("reports/\(period)/manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func paths(_ list: Any?) -> [String] { (list as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }

    @Test func aRenamedLineFilesItsNextRevisionUnderTheNewNameAndMovesTheOldFileAside() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let fm = FileManager.default
        #expect(try Self.run(ws).status == 0)
        let manifestBefore = try Data(contentsOf: ws.appendingPathComponent("reports/2026Q3/manifest.json"))
        let old = ws.appendingPathComponent("reports/2026Q3/management/化工_2026Q3_汇总分析表.xlsx")
        let oldBytes = try Data(contentsOf: old)

        try Self.edit(ws, "name: 化工,", "name: 化工事业部,")
        #expect(try Self.run(ws).stdout.contains("delivered: 0 workbook(s)"))
        // Nothing retired: the delivered workbook is still the line's current one, manifest unchanged.
        #expect(try Data(contentsOf: ws.appendingPathComponent("reports/2026Q3/manifest.json")) == manifestBefore)
        let status = try KamBinary.kam("status", "--config", ws.appendingPathComponent("config/kam.yaml").path, "--as-of", Self.asOf)
        #expect(!status.stdout.contains("retired"), "\(status.stdout)")

        // HG01's Q3 sales arrive: the line's Q3 summary is revised, under the new name.
        try HostileInputEndToEndTests.write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3.csv")
        let r = try Self.run(ws)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2026Q3/management/化工事业部_2026Q3_汇总分析表.xlsx (revision 2)"), "\(r.stdout)")
        #expect(!fm.fileExists(atPath: old.path), "the old name no longer looks current")
        let aside = ws.appendingPathComponent("reports/2026Q3/management/superseded/化工_2026Q3_汇总分析表_r1.xlsx")
        #expect(try Data(contentsOf: aside) == oldBytes, "revision 1 kept, byte for byte, under the name it was delivered with")
        let m = try Self.manifest(ws, "2026Q3")
        #expect(Self.paths(m["workbooks"]).contains("2026Q3/management/化工事业部_2026Q3_汇总分析表.xlsx"))
        #expect(!Self.paths(m["workbooks"]).contains("2026Q3/management/化工_2026Q3_汇总分析表.xlsx"))
        #expect(m["retired"] == nil)
    }

    @Test func aLineGivenANewCodeRetiresTheOldOwnerWhoseWorkbooksAreListedApartAndKept() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        #expect(try Self.run(ws).status == 0)
        let reports = ws.appendingPathComponent("reports")
        let before = try KamBinary.digests(reports)
        let oldPath = "2026Q3/management/化工_2026Q3_汇总分析表.xlsx"

        // Same name, new code: the new owner's revision 1 would land on the old owner's file.
        try Self.edit(ws, "code: chem,", "code: chemical,")
        try Self.edit(ws, "line: chem}", "line: chemical}")
        let r = try Self.run(ws)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(oldPath), "the new owner's 2026Q3 summary is delivered: \(r.stdout)")
        let after = try KamBinary.digests(reports)
        let aside = "./2026Q3/management/superseded/化工_2026Q3_汇总分析表_chem_r1.xlsx"
        #expect(after[aside] == before["./\(oldPath)"], "the retired owner's workbook is kept, not overwritten")

        let m = try Self.manifest(ws, "2026Q3")
        let current = (m["workbooks"] as? [[String: Any]] ?? []).filter { ($0["job"] as? String) == "line-summary" }
        // 医药's own 2026Q3 summary is there too (every line reports quarterly), and stays current.
        #expect(current.compactMap { $0["owner"] as? String }.sorted() == ["chemical", "pharma"], "\(current)")
        let retired = m["retired"] as? [[String: Any]] ?? []
        #expect(retired.count == 1 && retired.first?["owner"] as? String == "chem", "\(retired)")

        let status = try KamBinary.kam("status", "--config", ws.appendingPathComponent("config/kam.yaml").path, "--as-of", Self.asOf)
        #expect(status.stdout.contains("workbooks of a retired owner"), "\(status.stdout)")
        #expect(status.stdout.contains("\(oldPath) (line-summary chem 2026Q3, revision 1)"), "\(status.stdout)")
        // Periods with no retired owner keep their manifest byte for byte.
        #expect(after["./2026-09/manifest.json"] == before["./2026-09/manifest.json"])
    }

    @Test func twoLinesOfOneNameAreRefusedAndNothingChanges() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        #expect(try Self.run(ws).status == 0)
        let reports = try KamBinary.digests(ws.appendingPathComponent("reports"))
        let drop = try KamBinary.digests(ws.appendingPathComponent("drop"))
        try Self.edit(ws, "name: 医药,", "name: 化工,")
        try HostileInputEndToEndTests.write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3.csv")
        let dropWithFile = try KamBinary.digests(ws.appendingPathComponent("drop"))
        let r = try Self.run(ws)
        #expect(r.status == 2)
        #expect(r.stderr.contains("config/kam.yaml:6: key `business_lines[1].name`: business line `pharma` has the same name `化工` as `chem`"),
                "\(r.stderr)")
        #expect(try KamBinary.digests(ws.appendingPathComponent("reports")) == reports)
        #expect(try KamBinary.digests(ws.appendingPathComponent("drop")) == dropWithFile && dropWithFile.count == drop.count + 1)
    }
}
