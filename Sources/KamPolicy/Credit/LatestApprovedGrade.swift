/// The grade a proposal uses (SPEC §8 Credit): the latest non-blank approved grade of a quarter
/// whose last month is ≤ B, 2 when there is none (a customer without a record gets the middle grade).
public enum LatestApprovedGrade {
    /// `approved(q)` gives the approved grades of quarter q; quarters before `earliest` hold no
    /// data and are not searched.
    public static func at(basisMonth: YearMonth, customer: String, earliest: Period,
                          approved: (Period) -> [String: CreditGrade]) -> CreditGrade {
        var quarter = Period.quarter(containing: basisMonth)
        if quarter.lastMonth > basisMonth { quarter = quarter.previous }
        while quarter.lastMonth >= earliest.lastMonth {
            if let grade = approved(quarter)[customer] { return grade }
            quarter = quarter.previous
        }
        return .two
    }
}
