/// Which file column holds which canonical column: headers in English (case-insensitive) or
/// Chinese, in any order, plus the subsidiary's own `columns` aliases; extra columns ignored.
public struct HeaderMap: Sendable {
    /// canonical name → index of the field in each record.
    public let index: [String: Int]
    /// The headers as written, for diagnostics.
    public let headers: [String]
    /// `index` as a short list: the quarter kinds' row rules look a column up for every cell,
    /// and comparing a few short names costs less than hashing one.
    private let positions: [(name: String, index: Int)]

    init(index: [String: Int], headers: [String]) {
        self.index = index
        self.headers = headers
        positions = index.map { ($0.key, $0.value) }
    }

    /// `index[canonical]`, found without hashing.
    func position(of canonical: String) -> Int? {
        for p in positions where p.name == canonical { return p.index }
        return nil
    }

    /// - Parameter aliases: canonical name → this subsidiary's header (config `columns`).
    public static func resolve(headers raw: [String], kind: InputKind, aliases: [String: String],
                               line: Int) -> Result<HeaderMap, HeaderProblems> {
        let headers = raw.map(\.trimmingSpaces)
        var lookup: [String: String] = [:]
        for column in kind.columns {
            lookup[column.name.lowercased()] = column.name
            lookup[column.chinese] = column.name
        }
        for (canonical, header) in aliases where kind.columns.contains(where: { $0.name == canonical }) {
            lookup[header.trimmingSpaces.lowercased()] = canonical
            lookup[header.trimmingSpaces] = canonical
        }
        var index: [String: Int] = [:]
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        for (i, header) in headers.enumerated() {
            if !header.isEmpty, !seen.insert(header.lowercased()).inserted {
                problems.append(Diagnostic(line: line, column: header, value: header, reason: "表头重复"))
                continue
            }
            guard let canonical = lookup[header] ?? lookup[header.lowercased()] else { continue }
            if let other = index[canonical] {
                problems.append(Diagnostic(line: line, column: header, value: header,
                                           reason: "与第\(other + 1)列[\(headers[other])]是同一字段(\(canonical))"))
                continue
            }
            index[canonical] = i
        }
        for column in kind.columns where column.required && index[column.name] == nil {
            problems.append(Diagnostic(line: line, column: column.chinese, reason: "缺少必需的列: \(column.name) / \(column.chinese)"))
        }
        return problems.isEmpty ? .success(HeaderMap(index: index, headers: headers)) : .failure(HeaderProblems(diagnostics: problems))
    }

    public func has(_ canonical: String) -> Bool { position(of: canonical) != nil }

    public func header(of canonical: String) -> String {
        position(of: canonical).map { headers[$0] } ?? canonical
    }
}

/// Why a header row cannot be used; every problem at once.
public struct HeaderProblems: Error, Sendable {
    public let diagnostics: [Diagnostic]
}
