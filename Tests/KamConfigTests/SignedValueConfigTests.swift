import Foundation
import Testing
@testable import KamConfig

/// A leading sign is not a digit (issue 21: `Int("+7")` is 7, so `+7:00` read as 07:00 and
/// `+202-01-05` as the year 202). Each config key that takes a time, a month or a date
/// refuses it with the file, the line, the key and the value as written.
@Suite struct SignedValueConfigTests {
    static let file = KamConfigurationTests.file

    /// The error for the minimal config plus `line` (KamConfigurationTests' reader, same file).
    static func error(_ line: String) -> ConfigError? { KamConfigurationTests().error(KamConfigurationTests.minimal + "\n" + line) }

    @Test(arguments: [
        ("run_at: \"+7:00\"", "run_at", "must be \"HH:MM\" (00:00–23:59), got `+7:00`"),
        ("run_at: \"-7:00\"", "run_at", "got `-7:00`"),
        ("run_at: \"07:+5\"", "run_at", "got `07:+5`"),
        ("since: \"+202-01\"", "since", "must be a month YYYY-MM, got `+202-01`"),
        ("since: \"2026-+1\"", "since", "got `2026-+1`"),
        ("since: \"02026-01\"", "since", "got `02026-01`"),
        ("holidays: [\"2026-10-01\", \"+202-01-05\"]", "holidays[1]", "must be a date YYYY-MM-DD, got `+202-01-05`"),
        ("workdays: [\"-202-01-05\"]", "workdays[0]", "got `-202-01-05`"),
        ("holidays: [\"2026-+1-05\"]", "holidays[0]", "got `2026-+1-05`"),
    ])
    func aSignedValueIsRefusedWithKeyAndValue(line: String, key: String, message: String) throws {
        let e = try #require(Self.error(line), "\(line) was accepted")
        #expect(e.key == key)
        #expect(e.message.contains(message), "\(e)")
        #expect(e.file == Self.file.path)
        #expect(e.line == 12, "the line of the value, after the 11 lines of the minimal config")
        #expect(e.description.contains("key `\(key)`"))
    }

    @Test func unsignedValuesStillLoad() throws {
        let c = try KamConfiguration.parse(yaml: KamConfigurationTests.minimal + """

            run_at: "07:30"
            since: "2025-07"
            holidays: ["2026-10-01"]
            """, file: Self.file)
        #expect(c.runAt.description == "07:30")
        #expect(c.since.description == "2025-07")
        #expect(c.workdays.holidays.map(\.description) == ["2026-10-01"])
    }
}
