/// One line of 拜访人统计 (SPEC §4.3): a visitor's visits and the distinct customers covered in Q.
public struct VisitorSummary: Sendable, Equatable {
    public var visitor: String
    /// The roles the visitor visited as, in policy order (销售代表, 销售主管, 公司领导).
    public var roles: [VisitorRole]
    public var visits: Int
    public var customersCovered: Int

    public init(visitor: String, roles: [VisitorRole], visits: Int, customersCovered: Int) {
        self.visitor = visitor
        self.roles = roles
        self.visits = visits
        self.customersCovered = customersCovered
    }

    /// Visitors are identified by the name as written (trimmed by ingest); ordered by visits
    /// descending, then name in code-point order.
    public static func summaries(of visits: [VisitRecord]) -> [VisitorSummary] {
        Dictionary(grouping: visits, by: \.visitor).map { name, own in
            VisitorSummary(visitor: name, roles: VisitorRole.allCases.filter { r in own.contains { $0.role == r } },
                           visits: own.count, customersCovered: Set(own.map(\.customerID)).count)
        }
        .sorted { $0.visits != $1.visits ? $0.visits > $1.visits : CustomerIDOrder.precedes($0.visitor, $1.visitor) }
    }
}
