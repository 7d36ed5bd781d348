import KamPolicy

/// `<kind>_<period>[_<anything>].csv`: the file name says what a drop file is and which
/// period it covers; the folder it lies in says whose it is.
public struct DropFileName: Sendable, Equatable {
    public let kind: InputKind
    public let period: Period

    public enum Problem: Error, Equatable, Sendable {
        case notCSV
        case malformed
        case unknownKind(String)
        case badPeriod(String)
        case monthPeriodForQuarterlyKind
    }

    public static func parse(_ fileName: String) -> Result<DropFileName, Problem> {
        guard fileName.lowercased().hasSuffix(".csv") else { return .failure(.notCSV) }
        let stem = fileName.dropLast(4)
        let parts = stem.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return .failure(.malformed) }
        guard let kind = InputKind(rawValue: String(parts[0]).lowercased()) else {
            return .failure(.unknownKind(String(parts[0])))
        }
        guard let period = Period(parsing: String(parts[1])), !isYear(period) else {
            return .failure(.badPeriod(String(parts[1])))
        }
        if period.isMonth && !kind.acceptsMonthPeriod { return .failure(.monthPeriodForQuarterlyKind) }
        return .success(DropFileName(kind: kind, period: period))
    }

    private static func isYear(_ p: Period) -> Bool { if case .year = p { true } else { false } }
}
