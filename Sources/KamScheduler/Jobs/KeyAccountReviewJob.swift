import KamConfig
import KamIngest
import KamPolicy
import KamReports
import KamStore

/// `key-account-review` for the group and year Y: every subsidiary's key accounts at the end
/// of Y with sales Y and Y−1, the approved credit grade at Q4 and visit compliance over Y.
struct KeyAccountReviewJob: ReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock
    let memo: ReportMemo

    static func quarters(of year: Int) -> [Period] { (1...4).map { Period.quarter(year: year, quarter: $0) } }

    static func scope(_ period: Period) -> SubsidiaryInputs.Scope {
        guard case .year(let y) = period else { return .init(salesMonths: period.trailingTwentyFourMonths) }
        let q4 = Period.quarter(year: y, quarter: 4)
        var scope = CreditReportJob.scope(q4)
        scope.approvals = .none
        scope.visits = .only(quarters(of: y) + [Period.quarter(year: y - 1, quarter: 4)])
        return scope
    }

    func reads(for instance: JobInstance) -> [SubsidiaryRead] {
        config.organisation.subsidiaries.map { SubsidiaryRead(subsidiary: $0.code, scope: Self.scope(instance.period)) }
    }

    /// A subsidiary's inputs of Y the review lacks (SPEC §8): sales months ≥ `since` that no
    /// accepted file among the build's inputs covers, and receivables quarters with no file.
    static func missingInputs(of subsidiary: String, year: Int, build: BuildInfo, since: YearMonth) -> [String] {
        let own = build.inputs.filter { $0.subsidiary == subsidiary }
        let covered = Set(own.filter { $0.kind == .sales }.compactMap(\.period).flatMap(\.months))
        let months = Period.year(year).months
        let sales = SalesGaps.among(months, covered: covered, since: since).missingMonths.map { "\(InputKind.sales.chineseName) \($0)" }
        let receivables = Set(own.filter { $0.kind == .receivables }.compactMap(\.period))
        let quarters = (1...4).map { Period.quarter(year: year, quarter: $0) }
            .filter { $0.firstMonth >= since && !receivables.contains($0) }
            .map { "\(InputKind.receivables.chineseName) \($0)" }
        return sales + quarters
    }

    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook {
        guard case .year(let year) = instance.period else { return WrittenWorkbook() }
        var inputs: [KeyAccountReviewInput] = []
        for sub in config.organisation.subsidiaries {
            let scope = Self.scope(instance.period)
            let credit = try loader.credit(sub.code, scope)
            let visits = try loader.visits(sub.code, scope)
            let (reports, approved) = try MoneyOverflow.context(subsidiary: sub.code) { () throws(MoneyOverflow) in
                var reports: [VisitReport] = []
                for quarter in Self.quarters(of: year) { reports.append(try VisitReport(quarter: quarter, visits: visits, credit: credit)) }
                return (reports, try credit.approvedGrades(in: .quarter(year: year, quarter: 4)))
            }
            var input = KeyAccountReviewInput(
                subsidiary: sub, lineName: config.organisation.line(code: sub.lineCode)?.name ?? sub.lineCode,
                history: credit.history,
                approvedCreditGrades: ApprovedCreditGradeNumbers.of(approved),
                visitCompliance: YearVisitCompliance.byCustomer(reports: reports))
            input.missingInputs = Self.missingInputs(of: sub.code, year: year, build: build, since: config.calendar.since)
            inputs.append(input)
        }
        let review = try KeyAccountReview(year: year, subsidiaries: inputs, settings: config.policy)
        let missing = inputs.flatMap { input in input.missingInputs.map { "\(input.subsidiary.code) \($0)" } }
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: [],
                                                                                  missing: missing)
        let visible = try KeyAccountReviewWorkbook.write(review, context: context, to: path)
        return WrittenWorkbook(context: context, visible: visible)
    }
}
