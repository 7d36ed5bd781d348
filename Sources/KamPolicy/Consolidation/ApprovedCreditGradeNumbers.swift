/// Adapter from the credit rules' approved grades (branch `credit`) to the plain 1–3 numbers
/// `KeyAccountReviewInput` takes: the review only compares the grade with 2 and 3.
public enum ApprovedCreditGradeNumbers {
    /// `approved`: e.g. `CreditInputs.approvedGrades(in: .quarter(year: Y, quarter: 4))`.
    public static func of(_ approved: [String: CreditGrade]) -> [String: Int] { approved.mapValues(\.rawValue) }
}
