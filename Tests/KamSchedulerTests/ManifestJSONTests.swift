import Foundation
import Testing
@testable import KamScheduler

/// The manifest written by hand must be byte for byte what `JSONEncoder` wrote before
/// (manifests downstream compare and checksum them, and a run must not rewrite every period's
/// manifest because kam was upgraded).
@Suite struct ManifestJSONTests {
    /// What `ManifestWriter` used to encode: the top level mixes a string and lists.
    struct Top: Encodable {
        let period: String
        let workbooks: [ManifestWriter.Entry]
        let retired: [ManifestWriter.Entry]?
        enum CodingKeys: String, CodingKey { case period, workbooks, retired }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encode(workbooks, forKey: .workbooks)
            if let retired { try c.encode(retired, forKey: .retired) }
        }
    }

    static func reference(_ period: String, _ workbooks: [ManifestWriter.Entry], _ retired: [ManifestWriter.Entry]?) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Top(period: period, workbooks: workbooks, retired: retired))
    }

    static let awkward: [String] = {
        var controls = ""
        for c in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        return ["", controls, "\"quoted\" \\back\\slash/ and/slash", "HG01_2026Q3_客户销售报表.xlsx", "e\u{301} 👩‍👩‍👧 \u{2028}\u{2029}\u{FEFF}\u{7F}",
                "sales_2026-09_更正.csv", "reports/2026Q3/hq/集团_2026Q3_客户档案及拜访分析.xlsx", "新提交: HG01/sales_2026Q3.csv"]
    }()

    static func input(_ n: Int) -> ManifestWriter.Input {
        ManifestWriter.Input(subsidiary: awkward[n % awkward.count], file: awkward[(n + 3) % awkward.count],
                             sha256: String(repeating: "ab", count: 32), receivedAt: n % 2 == 0 ? 1_774_231_200 + Int64(n) : -Int64(n))
    }

    static func entry(_ n: Int, inputs: Int) -> ManifestWriter.Entry {
        ManifestWriter.Entry(job: ["sales-report", "hq-quarterly", awkward[n % awkward.count]][n % 3], owner: awkward[(n + 1) % awkward.count],
                             revision: n == 0 ? 1 : n * 1000, path: awkward[(n + 2) % awkward.count], sha256: awkward[(n + 5) % awkward.count],
                             reason: awkward[(n + 6) % awkward.count], inputs: (0..<inputs).map { input(n + $0) })
    }

    @Test(arguments: [
        ("no workbooks", [], nil),
        ("no workbooks, retired ones", [], [entry(1, inputs: 2)]),
        ("a workbook without inputs", [entry(0, inputs: 0)], nil),
        ("many workbooks, awkward text everywhere", (0..<12).map { entry($0, inputs: $0 % 4) }, nil),
        ("current and retired", (0..<5).map { entry($0, inputs: 3) }, (5..<8).map { entry($0, inputs: $0 % 2) }),
    ] as [(String, [ManifestWriter.Entry], [ManifestWriter.Entry]?)])
    func theBytesAreJSONEncodersBytes(_ what: String, _ workbooks: [ManifestWriter.Entry], _ retired: [ManifestWriter.Entry]?) throws {
        for period in ["2026Q3", "2026-09", Self.awkward[1]] {
            let mine = ManifestJSON.encode(period: period, workbooks: workbooks, retired: retired)
            let theirs = try Self.reference(period, workbooks, retired)
            #expect(mine == theirs, "\(what): \(String(decoding: mine, as: UTF8.self).prefix(400))")
        }
    }
}
