/// A subsidiary's visit compliance for quarter Q: the graded customers with required and actual
/// visits. HQ's shares by grade are computed from these rows.
public struct SubsidiaryVisitFigures: Sendable, Equatable {
    /// Whether the subsidiary's `visits` file for Q was accepted. Without it compliance is
    /// unknown, not zero (as a missing receivables file is not a bad payer, SPEC §8).
    public var hasVisits: Bool
    /// Every graded customer at Q.
    public var customers: [CustomerVisitCompliance]

    public init(hasVisits: Bool, customers: [CustomerVisitCompliance]) {
        self.hasVisits = hasVisits
        self.customers = customers
    }

    /// The share of `grade`'s customers that are compliant; nil without visits or without
    /// customers of that grade. Customers required no visit (a grade configured to 0) are left
    /// out, as the subsidiary's visit report leaves them out of its own compliance counts.
    public func complianceShare(of grade: CustomerGrade) -> Double? {
        guard hasVisits else { return nil }
        let ofGrade = customers.filter { $0.grade == grade && $0.required > 0 }
        guard !ofGrade.isEmpty else { return nil }
        return Double(ofGrade.filter(\.isCompliant).count) / Double(ofGrade.count)
    }

    /// A customers not compliant, by customer_id; empty without visits (unknown, not listed).
    public var aCustomersNotCompliant: [CustomerVisitCompliance] {
        guard hasVisits else { return [] }
        return customers.filter { $0.grade == .a && $0.required > 0 && !$0.isCompliant }
            .sorted { CustomerIDOrder.precedes($0.customerID, $1.customerID) }
    }
}
