import KamPolicy

/// One data record as a kind's row rule sees it: its fields by canonical column, and the
/// problems found so far. Every kind reports a bad cell the same way — line, the column as
/// the file writes it, the value as written, a reason in Chinese — so receipts read alike.
struct RowContext {
    let fields: [String]
    let line: Int
    let header: HeaderMap
    private(set) var problems: [Diagnostic] = []

    init(fields: [String], line: Int, header: HeaderMap) {
        self.fields = fields
        self.line = line
        self.header = header
    }

    /// The raw cell of a canonical column; "" when the file has no such column.
    func value(_ column: String) -> String { header.position(of: column).map { fields[$0] } ?? "" }

    /// The trimmed cell of a text column.
    func text(_ column: String) -> String { value(column).trimmingSpaces }

    mutating func fail(_ column: String, _ reason: String) {
        problems.append(Diagnostic(line: line, column: header.header(of: column), value: value(column), reason: reason))
    }

    /// A required text cell, or nil (with a problem) when it is empty.
    mutating func requiredText(_ column: String, _ reason: String) -> String? {
        let t = text(column)
        if t.isEmpty { fail(column, reason); return nil }
        return t
    }

    /// The customer id by `CustomerIDRule`, or nil with the rule's reason.
    mutating func customerID() -> String? {
        var raw = value("customer_id")
        // The common id (short ASCII, no space or E inside) needs no rule beyond trimming.
        if raw.withUTF8({ ByteText.isPlainID(ByteText.trimmed($0)) }) { return raw.trimmingSpaces }
        switch CustomerIDRule.validate(value("customer_id")) {
        case .success(let id): return id
        case .failure(let p): fail("customer_id", p.reason); return nil
        }
    }

    /// Money by `AmountGrammar`. An empty optional cell, or an optional column the file does
    /// not have, counts as 0 (SPEC §8).
    mutating func money(_ column: String, required: Bool) -> Fen? {
        if !required && !header.has(column) { return 0 }
        var raw = value(column)
        if let v = raw.withUTF8({ ByteText.fastAmount(ByteText.trimmed($0)) }) { return v }
        switch AmountGrammar.parse(raw) {
        case .success(let v): return v
        case .failure(.empty) where !required: return 0
        case .failure(let p): fail(column, p.reason); return nil
        }
    }

    /// A date by `DateGrammar` that must lie in `period`.
    mutating func date(_ column: String, in period: Period) -> LocalDate? {
        var raw = value(column)
        // `2026-09-30` and the other exact shapes without the String grammar; a fast shape
        // that is no calendar date (2026-02-30) is invalid, as `DateGrammar` says too.
        // The other ASCII shapes (`2026/9/30`, a time after the date: whole subsidiaries'
        // visit files) by `ByteText.date`, as the sales reader does: `DateGrammar.shape` was
        // 3.8% of the ingest's reader threads (perf, scale ingest), its Substrings and splits.
        let parsed: LocalDate?
        if let v = raw.withUTF8({ ByteText.fastDate(ByteText.trimmed($0)) }) {
            parsed = v.date
        } else if let v = raw.withUTF8({ ByteText.date($0) }) {
            parsed = v?.date
        } else {
            parsed = DateGrammar.parse(raw)
        }
        guard let d = parsed else {
            fail(column, DateGrammar.reason(for: raw))
            return nil
        }
        guard period.contains(d.yearMonth) else {
            fail(column, "日期不在文件的期间 \(period) 内")
            return nil
        }
        return d
    }
}
