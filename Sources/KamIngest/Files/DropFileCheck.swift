import KamPolicy

/// The checks a file gets before it is dropped — by `kam validate FILE` and by the portal's
/// upload (SPEC §10: "the checks of `kam validate` run at once") — the same reading the ingest
/// does, so a file that passes here is accepted by the next run under the same settings.
public enum DropFileCheck {
    /// A `--kind` or `--period` (a form's 类型 / 期间) that names no kind or period.
    public struct BadChoice: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Reads the file at `path` by its name (`sales_2026-09.csv`), or as the given kind and
    /// period when either is chosen (the rest taken from the name, part by part: a name whose
    /// period is wrong for its kind still names the kind).
    public static func check(path: String, fileName: String, kind: String?, period: String?,
                             settings: ReadSettings) throws -> CheckedFile {
        guard kind != nil || period != nil else {
            return try CheckedFile.read(path: path, fileName: fileName, settings: settings)
        }
        let name = try chosenName(fileName: fileName, kind: kind, period: period)
        switch name {
        case .named(let n): return try CheckedFile.read(path: path, name: n, settings: settings)
        case .refused(let label, let problem): return CheckedFile.refused(name: label, problem)
        }
    }

    /// The kind and period chosen, or taken from the name where not chosen.
    public enum Chosen: Sendable {
        case named(DropFileName)
        /// The kind and period do not go together (`kind_period` for the receipt, and why).
        case refused(String, DropFileName.Problem)
    }

    public static func chosenName(fileName: String, kind: String?, period: String?) throws(BadChoice) -> Chosen {
        let parts = fileName.split(separator: ".").first?.split(separator: "_").map(String.init) ?? []
        let nameKind = parts.first.flatMap { InputKind(rawValue: $0.lowercased()) }
        let namePeriod = parts.count > 1 ? Period(parsing: parts[1]) : nil
        let chosenKind = kind.flatMap { $0.isEmpty ? nil : $0 }
        let chosenPeriod = period.flatMap { $0.isEmpty ? nil : $0 }
        guard let k = chosenKind.map({ InputKind(rawValue: $0.lowercased()) }) ?? nameKind else {
            throw BadChoice(description: "--kind must be one of \(InputKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let p = chosenPeriod.map({ Period(parsing: $0) }) ?? namePeriod else {
            throw BadChoice(description: "--period must be YYYY-MM or YYYYQn")
        }
        switch DropFileName.make(kind: k, period: p) {
        case .success(let n): return .named(n)
        case .failure(let problem): return .refused("\(k.rawValue)_\(p)", problem)
        }
    }
}
