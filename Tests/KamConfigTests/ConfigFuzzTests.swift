import Foundation
import SeededRandom
import Testing
@testable import KamConfig

/// Arbitrary text through `KamConfiguration.parse(yaml:file:)`: random YAML-ish text, and the
/// example config, the end-to-end fixture config and a few hand-written seeds with random
/// mutations (lines dropped, duplicated or swapped, keys renamed, values replaced by YAML's
/// odd scalars, indentation broken, flow/anchor/tag syntax inserted, bytes cut). No input may
/// crash or hang the loader; `parse` throws only `ConfigError` (its signature says so), and
/// every error names the file. The seed is fixed, so a failure reproduces; `KAM_FUZZ_COUNT`
/// raises the count for a long run (docs/FAULTS.md).
@Suite struct ConfigFuzzTests {
    static let file = URL(fileURLWithPath: "/srv/kam/config/kam.yaml")

    /// The committed corpus: the repository's own config files plus small seeds.
    static func corpus() -> [String] {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let files = [here.appendingPathComponent("../../config/kam.yaml"),
                     here.appendingPathComponent("../KamEndToEndTests/Fixtures/small/config/kam.yaml")]
        var texts = files.compactMap { try? String(contentsOf: $0.standardizedFileURL, encoding: .utf8) }
        texts.append(contentsOf: seeds)
        return texts
    }

    static let seeds = [
        """
        business_lines: [{code: chem, name: 化工, cadence: quarterly}]
        subsidiaries: [{code: HG01, name: 华东化工, line: chem, columns: {amount: 含税金额}, max_bad_rows: 2}]
        run_at: "07:00"
        since: 2025-01
        holidays: [2026-10-01, "2026-10-02"]
        credit: {cover_months: {1: 2.0, 2: 1.0, 3: 0.5}, terms_factor: {现款: 1.2}}
        """,
        """
        business_lines: [&b {code: chem, name: 化工, cadence: monthly}]
        subsidiaries:
          - !!map {code: YY01, name: 医药, line: chem, encoding: gb18030}
        holidays: &h [2026-10-01]
        workdays: *h
        key_account: {levels: [{name: 集团级, min_ttm_sales: 200000000}]}
        """,
    ]

    static let scalars = ["", "~", "null", "yes", "no", "on", "07:00", "\"07:00\"", "'25:99'", "0x1F", "1e400", "-0", ".nan",
                          ".inf", "-.inf", "2026-02-30", "2025-13", "\"\"", "[]", "{}", "[1, [2, [3]]]", "&a x", "*a", "*undefined",
                          "!!binary aGk=", "!!int abc", "!!float x", "!custom 1", "9223372036854775808", "-9223372036854775809",
                          "1_000_000", "０７:００", "化工", "'HG01'", "HG_01", "../..", "/etc/passwd", "|\n  block", ">\n  folded",
                          "\"\\u0000\"", "\u{FEFF}", "? complex\n: key", "<<: *b", "%YAML 1.1", "---", "...", "\t"]
    static let keys = ["timezone", "run_at", "since", "paths", "drop", "reports", "data", "business_lines", "subsidiaries",
                       "code", "name", "line", "cadence", "encoding", "columns", "max_bad_rows", "calendar", "sales-report",
                       "grading", "a_share", "key_account", "levels", "credit", "cover_months", "terms_factor", "visits",
                       "required", "customer_file", "review", "shift_to_workday", "holidays", "workdays", "unknown_key", "<<"]
    static let syntax = [": ", "- ", "[", "]", "{", "}", ",", "#", "&", "*", "!", "|", ">", "'", "\"", "\n", "\n  ", "\t", "? ",
                         "%", "@", "`", "\\", "\r\n", "\u{0}", "\u{85}", "\u{2028}"]

    static func pick<T>(_ a: [T], _ rng: inout SplitMix64) -> T { a[Int(rng.next() % UInt64(a.count))] }

    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<(1 + Int(rng.next() % 5)) {
            guard !lines.isEmpty else { lines = [""]; continue }
            let at = Int(rng.next() % UInt64(lines.count))
            switch rng.next() % 9 {
            case 0: lines.remove(at: at)
            case 1: lines.insert(lines[at], at: Int(rng.next() % UInt64(lines.count + 1)))
            case 2: lines.swapAt(at, Int(rng.next() % UInt64(lines.count)))
            case 3:  // replace a value
                if let colon = lines[at].firstIndex(of: ":") {
                    lines[at] = String(lines[at][...colon]) + " " + pick(scalars, &rng)
                }
            case 4:  // rename or invent a key
                let indent = String(lines[at].prefix { $0 == " " })
                lines[at] = indent + pick(keys, &rng) + ": " + pick(scalars, &rng)
            case 5:  // break indentation
                lines[at] = rng.next() % 2 == 0 ? " " + lines[at] : String(lines[at].drop { $0 == " " })
            case 6:  // insert syntax somewhere in the line
                var chars = Array(lines[at])
                chars.insert(contentsOf: pick(syntax, &rng), at: Int(rng.next() % UInt64(chars.count + 1)))
                lines[at] = String(chars)
            case 7:  // cut the text
                lines = Array(lines.prefix(at))
            default:  // cut a line's tail
                let chars = Array(lines[at])
                lines[at] = String(chars.prefix(Int(rng.next() % UInt64(chars.count + 1))))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func random(_ rng: inout SplitMix64) -> String {
        var s = ""
        for _ in 0..<Int(rng.next() % 40) {
            switch rng.next() % 3 {
            case 0: s += pick(keys, &rng)
            case 1: s += pick(scalars, &rng)
            default: s += pick(syntax, &rng)
            }
        }
        return s
    }

    /// Runs `count` inputs; returns (parsed, refused).
    static func run(count: Int, seed: UInt64) -> (ok: Int, refused: Int) {
        var rng = SplitMix64(seed: seed)
        let texts = corpus()
        var ok = 0, refused = 0
        for i in 0..<count {
            let yaml = i % 4 == 0 ? random(&rng) : mutate(pick(texts, &rng), &rng)
            do {
                _ = try KamConfiguration.parse(yaml: yaml, file: file)
                ok += 1
            } catch {
                // Typed throws: `error` is a ConfigError. It must name the file and say something.
                #expect(error.file == file.path)
                #expect(!error.description.isEmpty)
                refused += 1
            }
        }
        return (ok, refused)
    }

    @Test func corpusParses() throws {
        for text in Self.corpus() { _ = try KamConfiguration.parse(yaml: text, file: Self.file) }
        #expect(Self.corpus().count >= 3)
    }

    @Test func arbitraryYAMLNeverCrashes() {
        let count = ProcessInfo.processInfo.environment["KAM_FUZZ_COUNT"].flatMap(Int.init) ?? 2_000
        let started = Date()
        let (ok, refused) = Self.run(count: count, seed: 0x6B61_6D79)
        let seconds = Date().timeIntervalSince(started)
        #expect(ok + refused == count)
        #expect(refused > 0 && ok > 0)
        if count > 2_000 {
            print("config fuzz: \(count) inputs (\(ok) accepted, \(refused) refused) in \(String(format: "%.1f", seconds)) s")
        }
    }
}
