import KamPolicy

/// SPEC §4.6 C类客户分析 reports how far each C customer is from B (距B级差额); the demo has one
/// that is close (issue 17's 接近B类 case): the largest active C customer takes a large order in the
/// quarter's last month that brings its ttm to 97% of the smallest B customer's.
///
/// Grades are shares of the total, so that order also grows the total and could lift the customer
/// into B. Where it would, the largest customer takes a larger order too, just enough to keep the
/// B/C boundary above the C customer (and below the smallest B). The result is checked with
/// KamPolicy's own grading; when the check fails there is no order at all.
enum DemoNearB {
    struct Order {
        let customer: Int
        let amount: Int64
    }

    /// The orders to add in `month`; empty when there is no B or no active C customer, or the
    /// largest C is already within 3% of B.
    static func orders(totals: DemoSalesTotals, month: YearMonth, active: (Int) -> Bool) -> [Order] {
        let grades = totals.grades(at: month)
        let ttm = grades.indices.map { totals.ttm(customer: $0, endingWith: month) }
        let bs = grades.indices.filter { grades[$0] == .b }
        guard let smallestB = bs.min(by: { (ttm[$0], $0) < (ttm[$1], $1) }) else { return [] }
        let tb = ttm[smallestB]
        let cs = grades.indices.filter { grades[$0] == .c && active($0) }
        guard let c = cs.max(by: { (ttm[$0], $1) < (ttm[$1], $0) }) else { return [] }
        let target = tb / 100 * 97
        guard target > ttm[c] else { return [] }
        let x = target - ttm[c]
        let total = ttm.filter { $0 > 0 }.reduce(0, +)
        let atLeastB = ttm.filter { $0 >= tb }.reduce(0, +)
        // c stays C when (atLeastB + y) / (total + x + y) ≥ b_share (0.90), i.e. y ≥ 9(total + x) − 10·atLeastB;
        // two of the smallest B's ttm more keep it clear of rounding, and well below the bound
        // (eight more) at which the smallest B would fall to C.
        let needed = 9 * (total + x) - 10 * atLeastB
        var orders = [Order(customer: c, amount: x)]
        if needed > 0 {
            guard let top = grades.indices.filter({ $0 != c && active($0) }).max(by: { (ttm[$0], $1) < (ttm[$1], $0) })
            else { return [] }
            orders.append(Order(customer: top, amount: needed + 2 * tb))
        }
        var changed = totals
        for order in orders { changed.add(order.amount, customer: order.customer, month: month) }
        let after = changed.grades(at: month)
        return after[c] == .c && after[smallestB] == .b ? orders : []
    }
}
