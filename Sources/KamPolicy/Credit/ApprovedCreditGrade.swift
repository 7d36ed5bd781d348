/// 核定等级 (SPEC §4.2): credit grades are re-determined every half year, so the grade in force
/// in Q1 and Q3 is the one assessed at the end of the half year before.
public enum ApprovedCreditGrade {
    /// The previous half-year end of a quarter: Q4 of the year before for Q1 and Q2, Q2 for Q3 and Q4.
    public static func previousHalfYearEnd(of quarter: Period) -> Period {
        guard case .quarter(let y, let q) = quarter else { return quarter }
        return q <= 2 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: 2)
    }

    /// Whether Q ends a half year (Q2, Q4): the quarters in which grades are re-determined.
    public static func isHalfYearEnd(_ quarter: Period) -> Bool {
        guard case .quarter(_, let q) = quarter else { return false }
        return q == 2 || q == 4
    }

    /// Approved grades for Q from the assessed grades of the quarters it depends on. Q2/Q4:
    /// Q's assessed grade. Q1/Q3: the previous half-year end's, falling back to Q's own when blank.
    public static func grades<Failure: Error>(for quarter: Period, assessed: (Period) throws(Failure) -> [String: CreditGrade])
        throws(Failure) -> [String: CreditGrade] {
        let own = try assessed(quarter)
        if isHalfYearEnd(quarter) { return own }
        return own.merging(try assessed(previousHalfYearEnd(of: quarter))) { _, halfYearEnd in halfYearEnd }
    }
}
