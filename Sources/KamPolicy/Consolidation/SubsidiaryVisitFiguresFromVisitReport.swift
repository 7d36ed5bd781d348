/// Adapter from the subsidiary tier's `VisitReport` (branch `credit`) to HQ's visit figures:
/// the graded customers with their required and actual visits and the report's own verdict.
extension SubsidiaryVisitFigures {
    /// Ungraded rows (visited or credit-grade-3 customers without an A/B/C grade) are left out:
    /// HQ's shares are by grade.
    public init(report: VisitReport) {
        self.init(hasVisits: !report.isVisitsMissing, customers: report.rows.compactMap { row in
            row.grade.map {
                CustomerVisitCompliance(customerID: row.customerID, customerName: row.customerName, grade: $0,
                                        required: row.required, actual: row.actual, isCompliant: row.compliance == .compliant)
            }
        })
    }
}
