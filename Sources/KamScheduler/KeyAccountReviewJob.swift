import KamConfig
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

    func inputs(for instance: JobInstance, index: SubmissionIndex) -> [Submission] {
        SubmissionIndex.unique(config.organisation.subsidiaries.flatMap {
            SubsidiaryInputs.submissions($0.code, scope: Self.scope(instance.period), index: index)
        })
    }

    func write(_ instance: JobInstance, build: BuildInfo, to path: String) throws -> String {
        guard case .year(let year) = instance.period else { return "" }
        let loader = SubsidiaryInputs(config: config, store: store)
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
            inputs.append(KeyAccountReviewInput(
                subsidiary: sub, lineName: config.organisation.line(code: sub.lineCode)?.name ?? sub.lineCode,
                history: credit.history,
                approvedCreditGrades: ApprovedCreditGradeNumbers.of(approved),
                visitCompliance: YearVisitCompliance.byCustomer(reports: reports)))
        }
        let review = try KeyAccountReview(year: year, subsidiaries: inputs, settings: config.policy)
        let context = ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: [])
        try KeyAccountReviewWorkbook.write(review, context: context, to: path)
        return ""
    }
}
