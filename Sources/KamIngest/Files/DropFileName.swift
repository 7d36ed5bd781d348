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
        /// The name's bytes are neither UTF-8 nor GB18030 (SPEC §8): refused, never ignored.
        case undecodableName
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

    /// A name for `kind` and `period` given explicitly (`kam validate --kind`), by the same
    /// rule as a file name: quarter kinds refuse a month period.
    public static func make(kind: InputKind, period: Period) -> Result<DropFileName, Problem> {
        if isYear(period) { return .failure(.badPeriod(period.description)) }
        if period.isMonth && !kind.acceptsMonthPeriod { return .failure(.monthPeriodForQuarterlyKind) }
        return .success(DropFileName(kind: kind, period: period))
    }

    private static func isYear(_ p: Period) -> Bool { if case .year = p { true } else { false } }
}

extension DropFileName.Problem {
    /// Why the name is refused, in the clerk's words.
    public var reason: String {
        switch self {
        case .notCSV: "文件名必须以 .csv 结尾"
        case .malformed: "文件名格式应为 <类型>_<期间>[_<任意>].csv, 例如 sales_2026-09.csv 或 receivables_2026Q3.csv"
        case .unknownKind(let k): "未知的文件类型 [\(k)], 应为 sales、receivables、customers、visits 或 approvals"
        case .badPeriod(let p): "期间 [\(p)] 无效, 应为 YYYY-MM (月) 或 YYYYQn (季度)"
        case .monthPeriodForQuarterlyKind: "该类型按季度报送, 期间必须是季度 (如 2026Q3), 不能是月份"
        case .undecodableName: "文件名既不是 UTF-8 也不是 GB18030 编码, 无法识别; 请用中文或英文重新命名后再报送"
        }
    }
}
