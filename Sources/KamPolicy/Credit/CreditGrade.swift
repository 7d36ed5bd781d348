/// 资信等级: 1 is the best payer, 3 the worst (SPEC §4.2). Written to workbooks as the numbers
/// 1, 2, 3 (SPEC §8), hence the integer raw value.
public enum CreditGrade: Int, Sendable, Comparable, CaseIterable, Hashable {
    case one = 1
    case two = 2
    case three = 3

    public static func < (a: CreditGrade, b: CreditGrade) -> Bool { a.rawValue < b.rawValue }

    /// The thresholds of SPEC §4.2 applied to the two ratios. A blank collection rate (nothing
    /// was due) never makes grade 3 and does not stop grade 1 (SPEC §8): a customer who owed
    /// nothing cannot have failed to pay.
    public static func assessed(overdueRatio: Double, collectionRate: Double?, settings: CreditSettings) -> CreditGrade {
        if overdueRatio > settings.grade3Overdue { return .three }
        if let rate = collectionRate, rate < settings.grade3Collection { return .three }
        if overdueRatio <= settings.grade1Overdue, collectionRate.map({ $0 >= settings.grade1Collection }) ?? true {
            return .one
        }
        return .two
    }
}
