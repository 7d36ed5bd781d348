/// 潜力客户: B and C customers growing on a real base, the ones worth a sales push.
public enum PotentialCustomers {
    /// Rows graded B or C with last-year sales ≥ `minBase` and yoy > 0, by yoy descending,
    /// then sales descending, then customer_id; at most `topN`.
    public static func select(from rows: [SalesReportRow], settings: GrowthSettings) -> [SalesReportRow] {
        let candidates = rows.filter { row in
            guard let grade = row.grade, grade != .a, let yoy = row.yoy else { return false }
            return row.lastYearSales >= settings.minBase && yoy > 0
        }
        let ordered = candidates.sorted { x, y in
            let (a, b) = (x.yoy ?? 0, y.yoy ?? 0)
            if a != b { return a > b }
            if x.sales != y.sales { return x.sales > y.sales }
            return CustomerIDOrder.precedes(x.customerID, y.customerID)
        }
        return Array(ordered.prefix(max(settings.topN, 0)))
    }
}
