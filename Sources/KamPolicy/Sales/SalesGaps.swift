/// The months of sales a report would read but has no data for (SPEC §8 "Incomplete data"):
/// a month is missing for a subsidiary when it is at or after `since` and no accepted file
/// covers it when the workbook is built. Months before `since` are history only: they count
/// as they are, never as missing. An accepted header-only file covers its months (zero sales
/// is a submission, not a gap).
///
/// A figure that would depend on a missing month is blank rather than computed as if the
/// month had no sales: a finance reader takes 0.00 and −100.0% for real results.
public struct SalesGaps: Sendable, Equatable {
    /// Missing months, ascending.
    public let missingMonths: [YearMonth]

    public init(missingMonths: [YearMonth]) {
        self.missingMonths = missingMonths.sorted()
    }

    /// No month missing.
    public static let none = SalesGaps(missingMonths: [])

    /// The missing months among `months`, given the months accepted files cover.
    public static func among(_ months: [YearMonth], covered: Set<YearMonth>, since: YearMonth) -> SalesGaps {
        SalesGaps(missingMonths: Set(months).filter { $0 >= since && !covered.contains($0) }.sorted())
    }

    public var isEmpty: Bool { missingMonths.isEmpty }

    /// Whether any of `months` is missing: a figure over them would be blank.
    public func anyMissing(_ months: [YearMonth]) -> Bool {
        guard !missingMonths.isEmpty else { return false }
        let missing = Set(missingMonths)
        return months.contains { missing.contains($0) }
    }

    /// The missing months limited to `months` (what one report's windows read).
    public func within(_ months: [YearMonth]) -> SalesGaps {
        let wanted = Set(months)
        return SalesGaps(missingMonths: missingMonths.filter { wanted.contains($0) })
    }
}
