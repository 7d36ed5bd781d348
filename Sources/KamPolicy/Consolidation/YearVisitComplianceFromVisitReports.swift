/// Adapter from the four quarterly `VisitReport`s of a year (branch `credit`) to each customer's
/// visit compliance over the year, for 大客户年度评价.
extension YearVisitCompliance {
    /// Per customer: the quarters in which it was required a visit (required > 0) and of those
    /// the ones 达标. A quarter whose visits file is missing is left out altogether: its
    /// compliance is unknown, not failed (as HQ's quarterly figures treat it).
    public static func byCustomer(reports: [VisitReport]) -> [String: YearVisitCompliance] {
        var result: [String: YearVisitCompliance] = [:]
        for report in reports where !report.isVisitsMissing {
            for row in report.rows where row.required > 0 {
                var c = result[row.customerID] ?? YearVisitCompliance(quartersRequired: 0, quartersCompliant: 0)
                c.quartersRequired += 1
                if row.compliance == .compliant { c.quartersCompliant += 1 }
                result[row.customerID] = c
            }
        }
        return result
    }
}
