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
    public static func grades<Key: Hashable>(ttm: [Key: Fen], settings: GradingSettings) -> [Key: CustomerGrade] {
        let graded = ttm.filter { $0.value > 0 }
        let total = graded.values.reduce(Fen(0), +)
        guard total > 0 else { return [:] }
        // Distinct ttm values, largest first, with the sum of all strictly larger ones.
        let byValue = Dictionary(grouping: graded.values, by: { $0 }).mapValues { Fen($0.count) }
        var larger: Fen = 0
        var gradeOfValue: [Fen: CustomerGrade] = [:]
        for value in byValue.keys.sorted(by: >) {
            let before = Double(larger) / Double(total)
            gradeOfValue[value] = before < settings.aShare ? .a : before < settings.bShare ? .b : .c
            larger += value * (byValue[value] ?? 0)
        }
        return graded.compactMapValues { gradeOfValue[$0] }
    }
}
