/// A customer's visit compliance over a year: in how many of the quarters that required visits
/// it was compliant (达标). Counting quarters, not visits, keeps one heavily visited quarter from
/// hiding three neglected ones.
public struct YearVisitCompliance: Sendable, Equatable {
    /// Quarters of the year in which the customer was graded and so required visits.
    public var quartersRequired: Int
    /// Of those, the quarters it was 达标.
    public var quartersCompliant: Int

    public init(quartersRequired: Int, quartersCompliant: Int) {
        self.quartersRequired = quartersRequired
        self.quartersCompliant = quartersCompliant
    }

    /// quartersCompliant / quartersRequired; nil when no quarter required a visit.
    public var share: Double? {
        quartersRequired > 0 ? Double(quartersCompliant) / Double(quartersRequired) : nil
    }

    /// Sums the per-quarter outcomes of a year (one entry per quarter that required visits).
    public init(quarters: [Bool]) {
        self.init(quartersRequired: quarters.count, quartersCompliant: quarters.filter { $0 }.count)
    }
}
