/// The customers a snapshot file (`receivables`, `customers`, `approvals`) has listed so far.
/// A snapshot states one value per customer; a customer listed twice is ambiguous (which
/// balance is true?), so the second and later rows for it are invalid rows that name the
/// line of the first (docs/DECISIONS.md). The first row counts whether or not it was valid
/// otherwise: a later row never silently replaces a broken earlier one.
struct SnapshotCustomers {
    private var firstLine: [String: Int] = [:]

    /// Nil when `customerID` is new; else the reason the row at `line` is a duplicate.
    mutating func duplicateReason(_ customerID: String, line: Int) -> String? {
        if let first = firstLine[customerID] { return "客户编码重复: 第\(first)行已有该客户(快照中每个客户只能出现一次)" }
        firstLine[customerID] = line
        return nil
    }
}
