/// 等级迁移: how many customers moved from each previous grade to each current grade, with
/// "no grade" (无) as a fourth state on both sides so that new and lost customers show.
public struct GradeMigrationMatrix: Sendable, Equatable {
    /// The states in the order of rows and columns: A, B, C, then none (nil).
    public static let states: [CustomerGrade?] = [.a, .b, .c, nil]

    /// counts[i][j]: customers whose previous grade is `states[i]` and current grade `states[j]`.
    public private(set) var counts: [[Int]]

    public init() {
        counts = Array(repeating: Array(repeating: 0, count: Self.states.count), count: Self.states.count)
    }

    /// Counts every row of every report: the population is the sales reports' customers (a
    /// non-zero line in 24 months), so 无→无 counts those that were graded in neither period.
    public init(rows: [SalesReportRow]) {
        self.init()
        for row in rows { add(previous: row.previousGrade, current: row.grade) }
    }

    public mutating func add(previous: CustomerGrade?, current: CustomerGrade?) {
        counts[Self.index(previous)][Self.index(current)] += 1
    }

    public func count(previous: CustomerGrade?, current: CustomerGrade?) -> Int {
        counts[Self.index(previous)][Self.index(current)]
    }

    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    static func index(_ grade: CustomerGrade?) -> Int {
        switch grade {
        case .a?: 0
        case .b?: 1
        case .c?: 2
        case nil: 3
        }
    }

    /// `A`, `B`, `C` or `无`, as the sheet labels the states.
    public static func label(_ grade: CustomerGrade?) -> String { grade?.rawValue ?? "无" }
}
