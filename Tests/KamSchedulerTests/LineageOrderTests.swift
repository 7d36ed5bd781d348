import Foundation
import Logging
import Testing
@testable import KamConfig
@testable import KamIngest
@testable import KamPolicy
@testable import KamScheduler
@testable import KamStore

/// The order a workbook lists its input files in (数据来源, the manifest's `inputs`): by
/// subsidiary in config order, then file name bytes, then received time, then id — never by
/// when a file happened to be stored.
@Suite struct LineageOrderTests {
    /// YY01 before HG01 in the config, the other way round by code.
    static let organisation = Organisation(
        lines: [BusinessLine(code: "pharma", name: "医药", cadence: .monthly), BusinessLine(code: "chem", name: "化工", cadence: .quarterly)],
        subsidiaries: [Subsidiary(code: "YY01", name: "医药一", lineCode: "pharma"), Subsidiary(code: "HG01", name: "化工一", lineCode: "chem")])

    static func file(_ id: Int64, _ subsidiary: String, _ name: String, at received: Int64) -> Submission {
        Submission(id: id, subsidiary: subsidiary, kind: nil, period: nil, fileName: name, sha256: "\(id)", receivedAt: received,
                   status: .accepted, encoding: "utf-8", rowCount: 1, badRowCount: 0, problemCount: 0, hasCost: false,
                   amountTotal: 0, costTotal: 0, archivePath: "\(id)")
    }

    @Test func subsidiariesInConfigOrderThenNameThenReceivedTimeThenIdRetiredOnesLastByCode() {
        let files = [
            Self.file(1, "HG01", "sales_2026-09.csv", at: 300),
            Self.file(2, "ZZ09", "sales_2026-07.csv", at: 100),   // retired: no longer in the config
            Self.file(3, "YY01", "sales_2026-08.csv", at: 200),
            Self.file(4, "HG01", "sales_2026-07.csv", at: 400),   // a later id, an earlier name
            Self.file(5, "AA01", "receivables_2026Q3.csv", at: 900), // retired, first by code
            Self.file(6, "YY01", "sales_2026-08.csv", at: 150),   // the same name received earlier, stored later
            Self.file(7, "YY01", "sales_2026-08.csv", at: 150),   // and again at the same time
            Self.file(8, "HG01", "sales_2026-07_更正.csv", at: 50), // '.' (0x2E) before '_' (0x5F)
            Self.file(9, "HG01", "Sales_2026-10.csv", at: 50),    // 'S' (0x53) before 's' (0x73)
        ]
        let expected: [Int64] = [6, 7, 3, 9, 4, 8, 1, 5, 2]
        let order = LineageOrder(Self.organisation)
        #expect(order.sorted(files).compactMap(\.id) == expected)
        // Whatever order the files come in (ids, reversed, by name), the list is the same.
        #expect(order.sorted(files.reversed()).compactMap(\.id) == expected)
        #expect(order.sorted(files.sorted { $0.fileName < $1.fileName }).compactMap(\.id) == expected)
        #expect(order.sorted(files.sorted { $0.receivedAt > $1.receivedAt }).compactMap(\.id) == expected)
        // The ledger's key, which revision decisions compare, stays the ascending ids.
        #expect(RevisionReason.key(order.sorted(files)) == "1,2,3,4,5,6,7,8,9")
    }

    @Test func namesCompareByTheirBytes() {
        #expect(LineageOrder.byteOrder("a", "a") == nil)
        #expect(LineageOrder.byteOrder("a", "ab") == true)
        #expect(LineageOrder.byteOrder("ab", "a") == false)
        // U+00E9 (C3 A9) and U+0065 U+0301 (65 CC 81) are one name to `String`'s `==`, two to the listing.
        #expect(LineageOrder.byteOrder("caf\u{E9}", "cafe\u{301}") == false)
        #expect(LineageOrder.byteOrder("cafe\u{301}", "caf\u{E9}") == true)
        // 乙 U+4E59 (E4 B9 99) before 甲 U+7532 (E7 94 B2).
        #expect(LineageOrder.byteOrder("sales_2026-09_乙.csv", "sales_2026-09_甲.csv") == true)
    }

    /// The rule is the order an undisturbed ingest stores files in, so a workspace whose files
    /// came in one ingest lists them as before (when the list was in id order): two subsidiaries
    /// whose config order is not their code order, names put in the drop folder out of order.
    @Test func oneIngestStoresFilesInTheListingOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-lineage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("config"), withIntermediateDirectories: true)
        let config = try KamConfiguration.parse(yaml: """
            since: 2026-01
            business_lines:
              - {code: pharma, name: 医药, cadence: monthly}
              - {code: chem, name: 化工, cadence: quarterly}
            subsidiaries:
              - {code: YY01, name: 医药一有限公司, line: pharma}
              - {code: HG01, name: 化工一有限公司, line: chem}
            """, file: folder.appendingPathComponent("config/kam.yaml"))
        let names = ["YY01": ["sales_2026-09.csv", "sales_2026-08.csv", "Sales_2026-07.csv", "sales_2026-08_更正.csv"],
                     "HG01": ["sales_2026-09.csv", "sales_2026-07.csv"]]
        for (subsidiary, files) in names {
            let drop = config.dropFolder.appendingPathComponent(subsidiary)
            try manager.createDirectory(at: drop, withIntermediateDirectories: true)
            for name in files {
                let month = name.split(separator: "_")[1].prefix(7)
                try Data("date,customer_id,customer_name,amount\n\(month)-01,C1,甲,1\n".utf8)
                    .write(to: drop.appendingPathComponent(name))
            }
        }
        let store = try KamStore()
        let clock = ZonedClock(timeZone: TimeZone(identifier: "Asia/Shanghai")!, now: 1_800_000_000)
        let outcome = try DropIngestor(config: config, store: store, clock: clock, logger: Logger(label: "test")).ingestAll()
        #expect(outcome.accepted.count == 6, "\(outcome.problems.map(\.description))")
        let stored = try store.allSubmissions().sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        let listed = stored.map { "\($0.subsidiary)/\($0.fileName)" }
        #expect(listed == ["YY01/Sales_2026-07.csv", "YY01/sales_2026-08.csv", "YY01/sales_2026-08_更正.csv", "YY01/sales_2026-09.csv",
                           "HG01/sales_2026-07.csv", "HG01/sales_2026-09.csv"])
        #expect(LineageOrder(config.organisation).sorted(stored.reversed()) == stored)
    }
}
