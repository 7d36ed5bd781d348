/// Everything the credit rules read for ONE subsidiary, as plain values the caller loads from
/// the store, and the derived grades and limits every credit workbook shares.
///
/// What to load, for reporting quarter Q (or proposing for Q'):
/// - `history`: effective monthly sales from 24 months before Q's first month through Q's last
///   month (ttm at the basis month B of Q's proposal reaches back to 15 months before Q; names
///   read all loaded months up to Q's end).
/// - `receivables`: every accepted snapshot up to Q (at least prev(Q), Q and the quarters back to
///   the previous half-year end; older ones make "latest approved grade at B" and payment terms
///   reach further back). A quarter absent from the dictionary has no accepted file.
/// - `approvals`: at least Q's accepted file (absent = no approvals for Q).
/// - `customerFiles`: snapshots up to Q, for names of customers without sales.
public struct CreditInputs: Sendable {
    public var history: SalesHistory {
        didSet { sales = history.index }
    }
    /// `history`'s month rows, held beside it so the per-customer window sums every credit rule
    /// repeats read them directly (nothing is built: it is the history's own storage).
    private(set) var sales: SalesHistoryIndex
    public var receivables: [Period: [String: ReceivableRecord]]
    public var approvals: [Period: [String: ApprovalRecord]]
    public var customerFiles: [Period: [String: CustomerFileRecord]]
    public var settings: PolicySettings
    public var cadence: Cadence
    /// Assessed grades other workbooks built from the same files already worked out (nil: each
    /// quarter is assessed here).
    public var assessedGradesShare: (any AssessedGradesShare)?

    /// Records are keyed by customer_id (`keyedByCustomer`: should a snapshot list a customer
    /// twice, the last record wins).
    public init(history: SalesHistory, receivables: [Period: [ReceivableRecord]], approvals: [Period: [ApprovalRecord]] = [:],
                customerFiles: [Period: [CustomerFileRecord]] = [:], settings: PolicySettings, cadence: Cadence) {
        self.init(history: history, keyedReceivables: receivables.mapValues { Self.keyedByCustomer($0, id: \.customerID) },
                  keyedApprovals: approvals.mapValues { Self.keyedByCustomer($0, id: \.customerID) },
                  keyedCustomerFiles: customerFiles.mapValues { Self.keyedByCustomer($0, id: \.customerID) },
                  settings: settings, cadence: cadence)
    }

    /// A snapshot's records by customer_id, as `CreditInputs` keeps each snapshot (ingest rejects a
    /// snapshot listing a customer twice; should one slip through, the last record wins).
    public static func keyedByCustomer<Record>(_ records: [Record], id: (Record) -> String) -> [String: Record] {
        Dictionary(records.map { (id($0), $0) }, uniquingKeysWith: { _, b in b })
    }

    /// The same inputs with each snapshot already keyed (`keyedByCustomer`): a run keys each file
    /// once and hands it to every credit workbook of the subsidiary (a quarter close builds three
    /// or four from the same snapshots), instead of each build keying every file again — 69 of
    /// the scale workspace's 3,538 workbook-phase samples went to that (perf, issue 15).
    public init(history: SalesHistory, keyedReceivables: [Period: [String: ReceivableRecord]],
                keyedApprovals: [Period: [String: ApprovalRecord]] = [:],
                keyedCustomerFiles: [Period: [String: CustomerFileRecord]] = [:], settings: PolicySettings, cadence: Cadence) {
        self.history = history
        sales = history.index
        receivables = keyedReceivables
        approvals = keyedApprovals
        customerFiles = keyedCustomerFiles
        self.settings = settings
        self.cadence = cadence
    }

    /// The earliest quarter with any receivables snapshot: before it nothing can be assessed.
    public var earliestReceivablesQuarter: Period? { receivables.keys.min { $0.lastMonth < $1.lastMonth } }

    /// Customers whose credit figures for Q are shown (SPEC §8): in Q's snapshot, with a non-zero
    /// opening balance, or with non-zero sales in Q.
    public func customers(in quarter: Period) throws(MoneyOverflow) -> Set<String> {
        var ids = Set<String>(minimumCapacity: max(sales.customers.count, receivables[quarter]?.count ?? 0))
        if let snapshot = receivables[quarter] { ids.formUnion(snapshot.keys) }
        for (id, r) in receivables[quarter.previous] ?? [:] where r.receivable != 0 { ids.insert(id) }
        let months = quarter.months
        for id in sales.customers where try sales.sales(of: id, in: months) != 0 { ids.insert(id) }
        return ids
    }

    public func figures(of customer: String, in quarter: Period) throws(MoneyOverflow) -> CreditFigures {
        try MoneyOverflow.context(period: quarter.description) { () throws(MoneyOverflow) in
            try CreditFigures.of(customer: customer, quarterSnapshot: receivables[quarter], openingSnapshot: receivables[quarter.previous],
                                 sales: try sales.sales(of: customer, in: quarter.months), settings: settings.credit)
        }
    }

    /// Assessed grades of every customer shown for the quarter; empty when its file is missing.
    public func assessedGrades(in quarter: Period) throws(MoneyOverflow) -> [String: CreditGrade] {
        guard let share = assessedGradesShare else { return try assess(quarter) }
        return try share.grades(in: quarter) { () throws(MoneyOverflow) in try assess(quarter) }
    }

    private func assess(_ quarter: Period) throws(MoneyOverflow) -> [String: CreditGrade] {
        guard let snapshot = receivables[quarter] else { return [:] }
        // `figures(of:in:)` for each customer, with the snapshots and months looked up once.
        let opening = receivables[quarter.previous]
        let months = quarter.months
        let ids = try customers(in: quarter)
        var grades: [String: CreditGrade] = Dictionary(minimumCapacity: ids.count)
        for id in ids {
            let figures = try MoneyOverflow.context(period: quarter.description) { () throws(MoneyOverflow) in
                try CreditFigures.of(customer: id, quarterSnapshot: snapshot, openingSnapshot: opening,
                                     sales: try sales.sales(of: id, in: months), settings: settings.credit)
            }
            if let g = figures.assessedGrade { grades[id] = g }
        }
        return grades
    }

    public func approvedGrades(in quarter: Period) throws(MoneyOverflow) -> [String: CreditGrade] {
        try ApprovedCreditGrade.grades(for: quarter) { (q: Period) throws(MoneyOverflow) in try assessedGrades(in: q) }
    }

    /// The proposal for quarter Q' of one customer: the ttm at the basis month, the grade and terms
    /// used, and the limit; the name is left empty (the credit report only needs the limit, the
    /// proposal workbook names the row itself). `approved` gives the approved grades of a quarter
    /// (see `approvedGradesByQuarter(through:)`, computed once per report).
    func proposal(for customer: String, quarter: Period,
                  approved: (Period) -> [String: CreditGrade]) throws(MoneyOverflow) -> CreditLimitProposalRow {
        let basis = ProposalBasisMonth.of(proposalMonth: ProposalBasisMonth.proposalMonth(for: quarter), cadence: cadence)
        let ttmMonths = Period.month(basis).trailingTwelveMonths
        let ttm = try sales.sales(of: customer, in: ttmMonths)
        let grade = earliestReceivablesQuarter.map {
            LatestApprovedGrade.at(basisMonth: basis, customer: customer, earliest: $0, approved: approved)
        } ?? .two
        let terms = PaymentTerms.at(basisMonth: basis, customer: customer, receivables: receivables)
        let cover = settings.credit.coverMonthsHundredths[grade.rawValue] ?? 0
        let factor = PaymentTerms.factorHundredths(terms, settings: settings.credit)
        let limit: Fen
        do {
            limit = try ProposedLimit.of(ttm: ttm, coverHundredths: cover, factorHundredths: factor, roundTo: settings.credit.roundTo)
        } catch {
            throw error.with(customer: customer, period: "\(quarter) (依据 \(Period.describe(ttmMonths)))")
        }
        return CreditLimitProposalRow(customerID: customer, customerName: "", ttm: ttm, grade: grade, paymentTerms: terms ?? "",
                                      coverHundredths: cover, factorHundredths: factor, limit: limit)
    }

    /// Approved grades of every quarter from the earliest loaded snapshot through `last`, each
    /// quarter assessed once, so a whole report (one proposal per customer, each searching back
    /// for the latest approved grade) stays linear. Quarters outside the range hold no grades.
    public func approvedGradesByQuarter(through last: Period) throws(MoneyOverflow) -> [Period: [String: CreditGrade]] {
        guard let earliest = earliestReceivablesQuarter, earliest.lastMonth <= last.lastMonth else { return [:] }
        var assessed: [Period: [String: CreditGrade]] = [:]
        var quarter = earliest
        while quarter.lastMonth <= last.lastMonth {
            assessed[quarter] = try assessedGrades(in: quarter)
            quarter = quarter.shifted(by: 1)
        }
        return assessed.keys.reduce(into: [:]) { table, q in
            table[q] = ApprovedCreditGrade.grades(for: q) { assessed[$0] ?? [:] }
        }
    }
}
