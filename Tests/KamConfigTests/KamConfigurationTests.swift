import Foundation
import KamPolicy
import Testing
@testable import KamConfig

@Suite struct KamConfigurationTests {
    static let file = URL(fileURLWithPath: "/srv/kam/config/kam.yaml")

    static let minimal = """
        business_lines:
          - {code: chem, name: 化工, cadence: quarterly}
          - {code: pharma, name: 医药, cadence: monthly}
        subsidiaries:
          - {code: HG01, name: 华东化工有限公司, line: chem}
          - code: YY01
            name: 华北医药有限公司
            line: pharma
            encoding: gb18030
            columns: {amount: 含税金额}
            max_bad_rows: 3
        """

    func parse(_ yaml: String) throws(ConfigError) -> KamConfiguration {
        try KamConfiguration.parse(yaml: yaml, file: Self.file)
    }

    func error(_ yaml: String) -> ConfigError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsApplyToWhatIsNotGiven() throws {
        let c = try parse(Self.minimal)
        #expect(c.timeZoneIdentifier == "Asia/Shanghai")
        #expect(c.runAt.description == "07:00")
        #expect(c.since.description == "2025-01")
        #expect(c.dropFolder.path == "/srv/kam/drop")
        #expect(c.reportsFolder.path == "/srv/kam/reports")
        #expect(c.dataFolder.path == "/srv/kam/var")
        #expect(c.policy == PolicySettings())
        #expect(c.organisation.cadence(ofSubsidiary: "YY01") == .monthly)
        #expect(c.readSettings(for: "YY01").encoding == .gb18030)
        #expect(c.readSettings(for: "YY01").columnAliases == ["amount": "含税金额"])
        #expect(c.readSettings(for: "YY01").maxBadRows == 3)
        #expect(c.policy.keyAccount.minTTMSales == 100_000_000)
    }

    @Test func theCommentedExampleLoads() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../config/kam.yaml").standardizedFileURL
        let c = try KamConfiguration.load(path: example.path)
        #expect(c.organisation.subsidiaries.count >= 2)
        #expect(c.policy == PolicySettings())
    }

    @Test func everyKeyOfTheSpecIsAccepted() throws {
        let yaml = """
            timezone: Asia/Shanghai
            run_at: '06:30'
            since: "2025-04"
            paths: {drop: /data/drop, reports: out, data: ../state}
            """ + "\n" + Self.minimal + "\n" + """
            calendar: {sales-report: 5, credit-report: 6, line-summary: 8, file-maintenance: 8, visit-report: 10,
                       hq-quarterly: 15, credit-limit-proposal: 21, key-account-review: 15}
            grading: {a_share: 0.6, b_share: 0.85}
            key_account:
              min_ttm_sales: 2000000.50
              min_profit_share: 0.2
              levels: [{name: 集团级, min_ttm_sales: 300000000}]
            growth: {min_base: 5000, top_n: 10}
            summary: {top_n: 50}
            credit:
              grade1_overdue: 0.05
              grade1_collection: 0.90
              grade3_overdue: 0.20
              grade3_collection: 0.60
              cover_months: {1: 2.5, 2: 1.0, 3: 0.5}
              terms_factor: {现款: 1.2, 月结30: 1.0}
              round_to: 10000
              warn_utilisation: 0.85
              approval_days: 3
            visits: {required: {A: 4, B: 2, C: 1}, extra_for_credit_grade_3: 2}
            customer_file: {required: [customer_name, phone]}
            review: {strengthen_growth: 0.15, end_growth: -0.25}
            shift_to_workday: true
            holidays: [2026-10-01, "2026-10-02"]
            workdays: [2026-10-11]
            """
        let c = try parse(yaml)
        #expect(c.runAt.description == "06:30")
        #expect(c.since.description == "2025-04")
        #expect(c.dropFolder.path == "/data/drop")
        #expect(c.reportsFolder.path == "/srv/kam/config/out")
        #expect(c.dataFolder.path == "/srv/kam/state")
        #expect(c.calendarDays[.salesReport] == 5)
        #expect(c.policy.grading == GradingSettings(aShare: 0.6, bShare: 0.85))
        #expect(c.policy.keyAccount.minTTMSales == 200_000_050)
        #expect(c.policy.keyAccount.levels == [KeyAccountLevel(name: "集团级", minTTMSales: 30_000_000_000)])
        #expect(c.policy.growth == GrowthSettings(minBase: 500_000, topN: 10))
        #expect(c.policy.credit.coverMonthsHundredths[1] == 250)
        #expect(c.policy.credit.termsFactorHundredths == ["现款": 120, "月结30": 100])
        #expect(c.policy.credit.roundTo == 1_000_000)
        #expect(c.policy.visits.required[.a] == 4)
        #expect(c.policy.requiredFileFields == ["customer_name", "phone"])
        #expect(c.workdays.shiftToWorkday)
        #expect(c.workdays.holidays.count == 2)
        #expect(c.workdays.workdays == [LocalDate(year: 2026, month: 10, day: 11)!])
    }

    @Test(arguments: [
        ("run_at: 07:00", "run_at", "quoted"),
        ("grading: {a_shar: 0.7}", "grading.a_shar", "unknown key"),
        ("tmezone: Asia/Shanghai", "tmezone", "unknown key"),
        ("timezone: Mars/Base", "timezone", "unknown time zone"),
        ("since: 2025", "since", "YYYY-MM"),
        // A sign is not a digit (`Int("+2025")` is 2025, issue 21): each is refused, not read as 2025 or 07:00.
        ("since: +2025-01", "since", "YYYY-MM"),
        ("since: \"+202-01\"", "since", "YYYY-MM"),
        ("since: 2025-+1", "since", "YYYY-MM"),
        ("run_at: \"+7:00\"", "run_at", "HH:MM"),
        ("holidays: [\"+202-01-05\"]", "holidays[0]", "YYYY-MM-DD"),
        ("growth: {top_n: many}", "growth.top_n", "whole number"),
        ("grading: {a_share: 0.95, b_share: 0.9}", "grading", "a_share must not exceed b_share"),
        ("calendar: {sales-reports: 6}", "calendar.sales-reports", "unknown job"),
        ("key_account: {min_ttm_sales: 1000.123}", "key_account.min_ttm_sales", "at most 2 decimals"),
        ("holidays: [2026-13-01]", "holidays[0]", "YYYY-MM-DD"),
    ])
    func badValuesAreRefusedWithTheKey(line: String, key: String, message: String) {
        let e = error(Self.minimal + "\n" + line)
        #expect(e?.key == key, "\(String(describing: e))")
        #expect(e?.message.contains(message) == true, "\(String(describing: e))")
        #expect(e?.file == Self.file.path)
    }

    @Test func aSubsidiaryOfAnUnknownLineIsRefused() {
        let e = error(Self.minimal + "\n  - {code: HG09, name: 某公司, line: metals}")
        #expect(e?.key == "subsidiaries[2].line")
        #expect(e?.message.contains("unknown business line `metals`") == true)
        #expect(e?.line == 12)
    }

    @Test func duplicateCodesAreRefused() {
        #expect(error(Self.minimal + "\n  - {code: HG01, name: 又一个, line: chem}")?.message.contains("duplicate subsidiary code") == true)
        let lines = Self.minimal.replacingOccurrences(of: "code: pharma, name: 医药", with: "code: chem, name: 医药")
        #expect(error(lines)?.message.contains("duplicate business line code") == true)
    }

    /// Issue 13 item 10: the 汇总分析表 is filed under the line's name, so two lines of one name
    /// would write one file. Refused with the second name's key and line, naming the first.
    @Test func twoBusinessLinesWithTheSameNameAreRefused() {
        let yaml = Self.minimal.replacingOccurrences(of: "name: 医药", with: "name: 化工")
        let e = error(yaml)
        #expect(e?.key == "business_lines[1].name", "\(String(describing: e))")
        #expect(e?.line == 3)
        #expect(e?.file == Self.file.path)
        #expect(e?.message.contains("same name `化工` as `chem`") == true, "\(String(describing: e))")
        #expect(e?.message.contains("key `business_lines[0].name`, line 2") == true, "\(String(describing: e))")
        #expect(e?.message.contains("reports/<P>/management/化工_<P>_汇总分析表.xlsx") == true)
        #expect(e?.message.contains("give each line its own name") == true)
        // Letter case only: one file on a Windows share or macOS.
        let cased = Self.minimal.replacingOccurrences(of: "name: 化工", with: "name: Chem")
            .replacingOccurrences(of: "name: 医药", with: "name: CHEM")
        #expect(error(cased)?.key == "business_lines[1].name")
        #expect(error(cased)?.message.contains("letter case") == true)
        // Canonically equivalent text (é precomposed, and e + combining acute) is the same name.
        let nfd = Self.minimal.replacingOccurrences(of: "name: 化工", with: "name: \"caf\u{E9}\"")
            .replacingOccurrences(of: "name: 医药", with: "name: \"cafe\u{301}\"")
        #expect(error(nfd)?.key == "business_lines[1].name", "\(String(describing: error(nfd)))")
    }

    @Test func subsidiaryCodesDifferingOnlyInCaseAreRefused() {
        let e = error(Self.minimal + "\n  - {code: hg01, name: 又一个, line: chem}")
        #expect(e?.key == "subsidiaries[2].code")
        #expect(e?.line == 12)
        #expect(e?.message.contains("differs from `HG01` (subsidiaries[0].code) only in letter case") == true, "\(String(describing: e))")
    }

    /// Codes and names are folder and file names under reports/ and drop/: nothing that leaves
    /// the folder, hides the file, disappears on screen or cuts the name short in C.
    @Test(arguments: [
        ("\"\"", "is empty"), ("\"  \"", "is empty"), ("\"HG\\0\"", "control"), ("\"HG\\u200B01\"", "control"),
        ("\"HG\\n01\"", "control"), ("\"..\"", "begins with `.`"), ("\".HG01\"", "begins with `.`"),
        ("\"../YY01\"", "contains `/`"), ("\"HG\\\\01\"", "contains `\\`"), ("\"HG:01\"", "contains `:`"),
        ("\"HG 01\"", "no spaces"), ("HG_01", "no spaces"),
    ])
    func subsidiaryCodesThatCannotBeFolderNamesAreRefused(code: String, message: String) {
        let e = error(Self.minimal.replacingOccurrences(of: "code: HG01", with: "code: \(code)"))
        #expect(e?.key == "subsidiaries[0].code", "\(code): \(String(describing: e))")
        #expect(e?.message.contains(message) == true, "\(code): \(String(describing: e))")
        #expect(e?.line == 5)
    }

    @Test(arguments: [
        ("\"\"", "is empty"), ("\"化\\0工\"", "control"), ("\"化工\\u200B\"", "control"), ("化/工", "contains `/`"),
        ("\"..\"", "begins with `.`"), ("\"化工 \"", "begins or ends with a space"), ("\"化工|医药\"", "contains `|`"),
    ])
    func lineNamesThatCannotBeFileNamesAreRefused(name: String, message: String) {
        let e = error(Self.minimal.replacingOccurrences(of: "name: 化工", with: "name: \(name)"))
        #expect(e?.key == "business_lines[0].name", "\(name): \(String(describing: e))")
        #expect(e?.message.contains(message) == true, "\(name): \(String(describing: e))")
        #expect(e?.message.contains("汇总分析表") == true)
    }

    @Test func requiredSectionsMustBeThere() {
        #expect(error("since: 2025-01")?.key == "business_lines")
        #expect(error("business_lines: [{code: chem, name: 化工, cadence: quarterly}]")?.key == "subsidiaries")
        #expect(error("")?.message.contains("empty") == true)
        #expect(error("business_lines: [{code: chem, name: 化工, cadence: weekly}]\nsubsidiaries: []")?.message.contains("monthly or quarterly") == true)
    }

    @Test func errorsNameFileLineAndKey() {
        let e = ConfigError(file: "config/kam.yaml", line: 3, key: "run_at", message: "must be quoted")
        #expect(e.description == "config/kam.yaml:3: key `run_at`: must be quoted")
    }
}
