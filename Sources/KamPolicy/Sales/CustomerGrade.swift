/// A, B or C by customer value: the customers making the first 70% of trailing-twelve-month
/// sales are A, the next 20% B, the rest C (SPEC §4.1).
public enum CustomerGrade: String, Sendable, Comparable, CaseIterable {
    case a = "A"
    case b = "B"
    case c = "C"

    /// A is the best grade, so A > B > C.
    public static func < (x: CustomerGrade, y: CustomerGrade) -> Bool { x.rank > y.rank }

    private var rank: Int {
        switch self {
        case .a: 0
        case .b: 1
        case .c: 2
        }
    }

    /// Grades every customer with ttm > 0. `before(c)` is the share of total ttm held by
    /// customers with a strictly larger ttm, so tied customers always get the same grade.
    /// T, the sum of the graded customers' ttm, must fit `Fen`: `MoneyOverflow` otherwise (each
    /// partial sum of larger ttm is at most T, so T fitting is all there is to check).
    public static func grades<Key: Hashable>(ttm: [Key: Fen], settings: GradingSettings,
                                             window: String? = nil) throws(MoneyOverflow) -> [Key: CustomerGrade] {
        let graded = ttm.filter { $0.value > 0 }
        let total = try graded.values.sumOfMoney("近12月销售额合计 (等级的分母 T)", period: window) { $0 }
        guard total > 0 else { return [:] }
        // Distinct ttm values, largest first, with the sum of all strictly larger ones.
        let byValue = Dictionary(grouping: graded.values, by: { $0 }).mapValues { Fen($0.count) }
        var larger: Fen = 0
        var gradeOfValue: [Fen: CustomerGrade] = [:]
        for value in byValue.keys.sorted(by: >) {
            let before = Double(larger) / Double(total)
            gradeOfValue[value] = before < settings.aShare ? .a : before < settings.bShare ? .b : .c
            let (share, o1) = value.multipliedReportingOverflow(by: byValue[value] ?? 0)
            let (sum, o2) = larger.addingReportingOverflow(share)
            if o1 || o2 { throw MoneyOverflow(figure: "近12月销售额合计 (等级的分母 T)", period: window) }
            larger = sum
        }
        return graded.compactMapValues { gradeOfValue[$0] }
    }
}
