/// What `hq-quarterly` shows of every subsidiary's credit for Q (SPEC §4.5, §4.6): the 超限 /
/// 预警 / 无额度 counts of its 客户资信报表, and the rows of 跨公司客户 for the customers two or more
/// subsidiaries share. Pure regrouping of the subsidiaries' own credit reports, so HQ's figures
/// are the ones each subsidiary's workbook states.
public enum HQGroupCredit {
    /// One subsidiary's status counts; nil counts when its receivables for Q are missing (未报送:
    /// a missing file is not a bad payer, and zero would read as "no problems").
    public struct Counts: Sendable, Equatable {
        public var subsidiaryCode: String
        public var subsidiaryName: String
        public var lineName: String
        public var overLimit: Int?
        public var warning: Int?
        public var noLimit: Int?

        public var isReceivablesMissing: Bool { overLimit == nil }
    }

    public static func counts(subsidiary: Subsidiary, lineName: String, report: CreditReport) -> Counts {
        counts(subsidiary: subsidiary, lineName: lineName, credit: SubsidiaryGroupCredit(report: report))
    }

    public static func counts(subsidiary: Subsidiary, lineName: String, credit: SubsidiaryGroupCredit) -> Counts {
        guard !credit.isReceivablesMissing else {
            return Counts(subsidiaryCode: subsidiary.code, subsidiaryName: subsidiary.name, lineName: lineName,
                          overLimit: nil, warning: nil, noLimit: nil)
        }
        return Counts(subsidiaryCode: subsidiary.code, subsidiaryName: subsidiary.name, lineName: lineName,
                      overLimit: credit.overLimit, warning: credit.warning, noLimit: credit.noLimit)
    }

    /// One row of 跨公司客户.
    public struct SharedRow: Sendable, Equatable {
        public var creditCode: String
        public var customerName: String
        public var subsidiaryCode: String
        public var subsidiaryName: String
        public var customerID: String
        /// 本季销售额 sales(c,Q); 0 when the customer had none.
        public var sales: Fen
        /// 应收余额 at the end of Q; nil when the subsidiary's receivables for Q are missing.
        public var receivable: Fen?
        public var approvedGrade: CreditGrade?
        /// 执行额度; nil when the customer has no row in the credit report (no limit was worked out).
        public var limit: Fen?
    }

    /// The 跨公司客户 rows: `entries` from `SharedCustomers.find`, each subsidiary's credit report
    /// for Q by code, in SPEC §4.6's order (the code's group-wide sales in Q descending, then code,
    /// then subsidiary). `MoneyOverflow` when a code's group-wide sales do not fit `Fen`.
    public static func sharedRows(_ entries: [SharedCustomers.Entry], reports: [String: CreditReport],
                                  names: [String: String], quarter: Period) throws(MoneyOverflow) -> [SharedRow] {
        try sharedRows(entries, credits: reports.mapValues { SubsidiaryGroupCredit(report: $0) }, names: names, quarter: quarter)
    }

    /// The same from each subsidiary's `SubsidiaryGroupCredit` (what the credit job hands over).
    public static func sharedRows(_ entries: [SharedCustomers.Entry], credits: [String: SubsidiaryGroupCredit],
                                  names: [String: String], quarter: Period) throws(MoneyOverflow) -> [SharedRow] {
        var rows: [SharedRow] = []
        var groupSales: [String: Fen] = [:]
        for e in entries {
            let credit = credits[e.subsidiaryCode]
            let row = credit?.customers[e.customerID]
            let sales = row?.sales ?? 0
            let receivable: Fen? = (credit?.isReceivablesMissing ?? true) ? nil : (row?.receivable ?? 0)
            rows.append(SharedRow(creditCode: e.creditCode, customerName: e.customerName, subsidiaryCode: e.subsidiaryCode,
                                  subsidiaryName: names[e.subsidiaryCode] ?? "", customerID: e.customerID, sales: sales,
                                  receivable: receivable, approvedGrade: row?.approvedGrade, limit: row?.limit))
            groupSales[e.creditCode] = try (groupSales[e.creditCode] ?? 0).adding(
                sales, or: MoneyOverflow(figure: "跨公司客户本季销售额合计", customer: e.creditCode, period: quarter.description))
        }
        // One row per entry, made in entries' order: the rows take the entries' order. (Sorting
        // the rows by a "code|subsidiary" position looked up twice per comparison was 14% of
        // hq-quarterly after a late file — BENCHMARKS.md, 2026-12-04 late night.)
        return SharedCustomers.orderedIndices(entries) { groupSales[$0] ?? 0 }.map { rows[$0] }
    }

    /// Shared legal customers (distinct codes) and their group-wide receivable at the end of Q
    /// (over the subsidiaries whose receivables are present).
    public static func summary(_ rows: [SharedRow], quarter: Period) throws(MoneyOverflow) -> (customers: Int, receivable: Fen) {
        var total: Fen = 0
        for r in rows {
            total = try total.adding(r.receivable ?? 0, or: MoneyOverflow(figure: "跨公司客户应收余额合计", period: quarter.description))
        }
        return (Set(rows.map(\.creditCode)).count, total)
    }
}
