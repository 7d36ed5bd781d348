import Foundation
import KamIngest
import KamPolicy
import Yams

/// Walks the YAML tree key by key, with SPEC §7's defaults for whatever is absent.
struct ConfigReader {
    let file: URL

    static let topLevelKeys = ["timezone", "run_at", "since", "paths", "business_lines", "subsidiaries", "calendar",
                               "grading", "key_account", "growth", "summary", "credit", "visits", "customer_file",
                               "review", "shift_to_workday", "holidays", "workdays", "recipients", "delivery", "portal"]

    func read(_ root: ConfigNode) throws(ConfigError) -> KamConfiguration {
        let top = try root.mapping(allowed: Self.topLevelKeys)
        let folder = file.deletingLastPathComponent()
        var config = KamConfiguration(file: file,
                                      dropFolder: folder.appendingPathComponent("../drop").standardizedFileURL,
                                      reportsFolder: folder.appendingPathComponent("../reports").standardizedFileURL,
                                      dataFolder: folder.appendingPathComponent("../var").standardizedFileURL)
        if let n = top["timezone"] {
            let id = try n.string()
            guard TimeZone(identifier: id) != nil else { throw n.error("unknown time zone `\(id)` (e.g. Asia/Shanghai)") }
            config.timeZoneIdentifier = id
        }
        if let n = top["run_at"] {
            guard let s = n.scalar, s.style == .singleQuoted || s.style == .doubleQuoted else {
                throw n.error("must be a quoted \"HH:MM\": YAML reads an unquoted 07:00 as the number 420, so write run_at: \"07:00\"")
            }
            guard let t = TimeOfDay(parsing: s.string) else { throw n.error("must be \"HH:MM\" (00:00–23:59), got `\(s.string)`") }
            config.runAt = t
        }
        if let n = top["since"] {
            let text = try n.string()
            guard let m = YearMonth(parsing: text) else { throw n.error("must be a month YYYY-MM, got `\(text)`") }
            config.since = m
        }
        if let n = top["paths"] {
            let p = try n.mapping(allowed: ["drop", "reports", "data"])
            func path(_ k: String, _ current: URL) throws(ConfigError) -> URL {
                guard let v = p[k] else { return current }
                let text = try v.string()
                guard !text.isEmpty else { throw v.error("must not be empty") }
                return (text.hasPrefix("/") ? URL(fileURLWithPath: text) : folder.appendingPathComponent(text)).standardizedFileURL
            }
            config.dropFolder = try path("drop", config.dropFolder)
            config.reportsFolder = try path("reports", config.reportsFolder)
            config.dataFolder = try path("data", config.dataFolder)
        }
        guard let linesNode = top["business_lines"] else {
            throw ConfigError(file: file.path, line: nil, key: "business_lines", message: "is required")
        }
        guard let subsNode = top["subsidiaries"] else {
            throw ConfigError(file: file.path, line: nil, key: "subsidiaries", message: "is required")
        }
        let lines = try readLines(linesNode)
        let (subsidiaries, settings) = try readSubsidiaries(subsNode, lines: lines)
        config.organisation = Organisation(lines: lines, subsidiaries: subsidiaries)
        config.readSettings = settings
        if let n = top["calendar"] {
            for (k, v) in try n.pairs() {
                guard let job = JobKind(rawValue: k) else {
                    throw v.error("unknown job; jobs are \(JobKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.calendarDays[job] = try v.int(in: 1...31)
            }
        }
        try readPolicy(top, into: &config.policy)
        if let n = top["shift_to_workday"] { config.workdays.shiftToWorkday = try n.bool() }
        if let n = top["holidays"] { config.workdays.holidays = try dates(n) }
        if let n = top["workdays"] { config.workdays.workdays = try dates(n) }
        if let n = top["recipients"] { config.recipients = try readRecipients(n, organisation: config.organisation) }
        if let n = top["delivery"] { config.delivery = try readDelivery(n) }
        if let n = top["portal"] { config.portal = try readPortal(n) }
        return config
    }

    private func dates(_ n: ConfigNode) throws(ConfigError) -> Set<LocalDate> {
        var result: Set<LocalDate> = []
        for item in try n.sequence() {
            let text = try item.string()
            guard let d = LocalDate(iso: text) else { throw item.error("must be a date YYYY-MM-DD, got `\(text)`") }
            result.insert(d)
        }
        return result
    }

    /// Characters no subsidiary code or line name may hold. Codes and names become file and
    /// folder names (`drop/<code>/`, `reports/<P>/<tier>/<owner>_<P>_<workbook>.xlsx`), and the
    /// reports folder is often shared with Windows users: besides `/` (a second folder level),
    /// the characters Windows refuses in a file name would make the workbook unreachable there.
    static let pathForbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]

    /// Why `text` cannot be part of a file or folder name, or nil. Control and format characters
    /// (NUL, a newline, U+200B) are refused because they are invisible or cut the name short in
    /// the C calls beneath Foundation; a leading `.` would hide the folder or workbook from the
    /// people it is for (and `.`/`..` name the folder itself or its parent).
    static func pathProblem(_ text: String) -> String? {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "is empty" }
        if text.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) }) {
            return "contains a control or invisible character (e.g. NUL, a newline or a zero-width space)"
        }
        if let c = text.first(where: { pathForbidden.contains($0) }) { return "contains `\(c)`" }
        if text.hasPrefix(".") { return "begins with `.`" }
        if text != text.trimmingCharacters(in: .whitespaces) { return "begins or ends with a space" }
        return nil
    }

    /// Two codes or names that the file system may take for one: equal after Unicode
    /// normalisation (Swift's `==` compares canonically equivalent text as equal) or differing
    /// only in letter case (a Windows share or macOS folds case, so `HG01` and `hg01` would share
    /// a folder and overwrite each other's workbooks).
    static func samePathComponent(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    private func code(_ n: ConfigNode) throws(ConfigError) -> String {
        let text = try n.string()
        if let problem = Self.pathProblem(text) {
            throw n.error("\(problem): a code is used as a folder and file name, so it must be a short code "
                          + "(letters, digits, `-`; no spaces, `/`, `_` or `..`), got `\(text.debugDescription.dropFirst().dropLast())`")
        }
        guard !text.contains(where: { $0 == "_" || $0.isWhitespace }) else {
            throw n.error("must be a short code usable as a folder name (no spaces, `/`, `_` or `..`), got `\(text)`")
        }
        return text
    }

    private func readLines(_ n: ConfigNode) throws(ConfigError) -> [BusinessLine] {
        var lines: [BusinessLine] = []
        var nameNodes: [ConfigNode] = []
        for item in try n.sequence() {
            let m = try item.mapping(allowed: ["code", "name", "cadence"])
            guard let c = m["code"], let nm = m["name"], let cd = m["cadence"] else {
                throw item.error("each business line needs code, name and cadence")
            }
            let code = try code(c)
            guard !lines.contains(where: { $0.code == code }) else { throw c.error("duplicate business line code `\(code)`") }
            let cadenceText = try cd.string()
            guard let cadence = Cadence(rawValue: cadenceText) else {
                throw cd.error("must be monthly or quarterly, got `\(cadenceText)`")
            }
            let name = try nm.string()
            if let problem = Self.pathProblem(name) {
                throw nm.error("\(problem): the line's name is part of its 汇总分析表's file name "
                               + "(reports/<P>/management/<name>_<P>_汇总分析表.xlsx), got `\(name.debugDescription.dropFirst().dropLast())`")
            }
            // The 汇总分析表 is filed under the line's name, not its code: two lines of one name
            // would write one file, the later line's workbook replacing the earlier's each period.
            if let i = lines.firstIndex(where: { Self.samePathComponent($0.name, name) }) {
                let other = nameNodes[i]
                let how = lines[i].name == name ? "" : " (it differs only in letter case, which a Windows share or macOS ignores)"
                throw nm.error("business line `\(code)` has the same name `\(name)` as `\(lines[i].code)` (key `\(other.key)`"
                               + (other.line.map { ", line \($0)" } ?? "") + ")\(how): both lines' 汇总分析表 would be the same file "
                               + "reports/<P>/management/\(name)_<P>_汇总分析表.xlsx and one would overwrite the other; "
                               + "give each line its own name")
            }
            lines.append(BusinessLine(code: code, name: name, cadence: cadence))
            nameNodes.append(nm)
        }
        guard !lines.isEmpty else { throw n.error("at least one business line is required") }
        return lines
    }

    private func readSubsidiaries(_ n: ConfigNode, lines: [BusinessLine]) throws(ConfigError) -> ([Subsidiary], [String: ReadSettings]) {
        var subs: [Subsidiary] = []
        var settings: [String: ReadSettings] = [:]
        let canonical = Set(InputKind.allCases.flatMap { $0.columns.map(\.name) })
        for item in try n.sequence() {
            let m = try item.mapping(allowed: ["code", "name", "line", "encoding", "columns", "max_bad_rows"])
            guard let c = m["code"], let nm = m["name"], let ln = m["line"] else {
                throw item.error("each subsidiary needs code, name and line")
            }
            let code = try code(c)
            guard !subs.contains(where: { $0.code == code }) else { throw c.error("duplicate subsidiary code `\(code)`") }
            // Each code is a drop folder and the first part of its workbooks' names: codes that
            // differ only in case would share both on a case-folding file system.
            if let i = subs.firstIndex(where: { Self.samePathComponent($0.code, code) }) {
                throw c.error("subsidiary code `\(code)` differs from `\(subs[i].code)` (subsidiaries[\(i)].code) only in letter case: "
                              + "on a Windows share or macOS both would use the folder drop/\(subs[i].code) and the same report files; "
                              + "give each subsidiary a code of its own")
            }
            let line = try ln.string()
            guard lines.contains(where: { $0.code == line }) else {
                throw ln.error("unknown business line `\(line)`; defined lines: \(lines.map(\.code).joined(separator: ", "))")
            }
            var s = ReadSettings()
            if let e = m["encoding"] {
                let text = try e.string()
                guard let choice = EncodingChoice(rawValue: text.lowercased()) else {
                    throw e.error("must be auto, utf-8 or gb18030, got `\(text)`")
                }
                s.encoding = choice
            }
            if let cols = m["columns"] {
                for (k, v) in try cols.pairs() {
                    guard canonical.contains(k) else {
                        throw v.error("unknown column `\(k)`; columns are \(canonical.sorted().joined(separator: ", "))")
                    }
                    let header = try v.string()
                    guard !header.isEmpty else { throw v.error("the header must not be empty") }
                    s.columnAliases[k] = header
                }
            }
            if let b = m["max_bad_rows"] { s.maxBadRows = try b.int(in: 0...1_000_000) }
            subs.append(Subsidiary(code: code, name: try nm.string(), lineCode: line))
            settings[code] = s
        }
        guard !subs.isEmpty else { throw n.error("at least one subsidiary is required") }
        return (subs, settings)
    }

    private func readPolicy(_ top: [String: ConfigNode], into p: inout PolicySettings) throws(ConfigError) {
        if let n = top["grading"] {
            let m = try n.mapping(allowed: ["a_share", "b_share"])
            if let v = m["a_share"] { p.grading.aShare = try v.double(in: 0...1) }
            if let v = m["b_share"] { p.grading.bShare = try v.double(in: 0...1) }
            guard p.grading.aShare <= p.grading.bShare else { throw n.error("a_share must not exceed b_share") }
        }
        if let n = top["key_account"] {
            let m = try n.mapping(allowed: ["min_ttm_sales", "min_profit_share", "levels"])
            if let v = m["min_ttm_sales"] { p.keyAccount.minTTMSales = try v.decimal(places: 2) }
            if let v = m["min_profit_share"] { p.keyAccount.minProfitShare = try v.double(in: 0...1) }
            if let v = m["levels"] {
                p.keyAccount.levels = []
                for item in try v.sequence() {
                    let lm = try item.mapping(allowed: ["name", "min_ttm_sales"])
                    guard let ln = lm["name"], let lt = lm["min_ttm_sales"] else { throw item.error("a level needs name and min_ttm_sales") }
                    p.keyAccount.levels.append(KeyAccountLevel(name: try ln.string(), minTTMSales: try lt.decimal(places: 2)))
                }
            }
        }
        if let n = top["growth"] {
            let m = try n.mapping(allowed: ["min_base", "top_n"])
            if let v = m["min_base"] { p.growth.minBase = try v.decimal(places: 2) }
            if let v = m["top_n"] { p.growth.topN = try v.int(in: 0...100_000) }
        }
        if let n = top["summary"] {
            let m = try n.mapping(allowed: ["top_n"])
            if let v = m["top_n"] { p.summaryTopN = try v.int(in: 0...1_000_000) }
        }
        if let n = top["credit"] { try readCredit(n, into: &p.credit) }
        if let n = top["visits"] {
            let m = try n.mapping(allowed: ["required", "extra_for_credit_grade_3"])
            if let v = m["required"] {
                for (k, g) in try v.pairs() {
                    guard let grade = CustomerGrade(rawValue: k) else { throw g.error("grades are A, B and C") }
                    p.visits.required[grade] = try g.int(in: 0...1000)
                }
            }
            if let v = m["extra_for_credit_grade_3"] { p.visits.extraForCreditGrade3 = try v.int(in: 0...1000) }
        }
        if let n = top["customer_file"] {
            let m = try n.mapping(allowed: ["required"])
            if let v = m["required"] {
                let known = Set(InputKind.customers.columns.map(\.name))
                p.requiredFileFields = []
                for item in try v.sequence() {
                    let f = try item.string()
                    guard known.contains(f) else { throw item.error("unknown customer file field `\(f)`") }
                    p.requiredFileFields.append(f)
                }
            }
        }
        if let n = top["review"] {
            let m = try n.mapping(allowed: ["strengthen_growth", "end_growth"])
            if let v = m["strengthen_growth"] { p.review.strengthenGrowth = try v.double() }
            if let v = m["end_growth"] { p.review.endGrowth = try v.double() }
        }
    }

    private func readCredit(_ n: ConfigNode, into c: inout CreditSettings) throws(ConfigError) {
        let m = try n.mapping(allowed: ["grade1_overdue", "grade1_collection", "grade3_overdue", "grade3_collection",
                                        "cover_months", "terms_factor", "round_to", "warn_utilisation", "approval_days"])
        if let v = m["grade1_overdue"] { c.grade1Overdue = try v.double(in: 0...1) }
        if let v = m["grade1_collection"] { c.grade1Collection = try v.double(in: 0...10) }
        if let v = m["grade3_overdue"] { c.grade3Overdue = try v.double(in: 0...1) }
        if let v = m["grade3_collection"] { c.grade3Collection = try v.double(in: 0...10) }
        if let v = m["cover_months"] {
            for (k, f) in try v.pairs() {
                guard let g = Int(k), (1...3).contains(g) else { throw f.error("credit grades are 1, 2 and 3") }
                c.coverMonthsHundredths[g] = try f.decimal(places: 2)
            }
        }
        if let v = m["terms_factor"] {
            c.termsFactorHundredths = [:]
            for (k, f) in try v.pairs() { c.termsFactorHundredths[k.trimmingCharacters(in: .whitespaces)] = try f.decimal(places: 2) }
        }
        if let v = m["round_to"] {
            c.roundTo = try v.decimal(places: 2)
            guard c.roundTo > 0 else { throw v.error("must be positive") }
        }
        if let v = m["warn_utilisation"] { c.warnUtilisation = try v.double(in: 0...10) }
        if let v = m["approval_days"] { c.approvalDays = try v.int(in: 0...90) }
    }
}
