import KamConfig
import KamPolicy
import KamReports
import KamStore

/// `visit-report` for one subsidiary and quarter: Q's visits (and Q−1's for the half year),
/// grades from sales, the approved credit grade for the grade-3 extra.
struct VisitReportJob: ReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock

    static func scope(_ quarter: Period) -> SubsidiaryInputs.Scope {
        var scope = CreditReportJob.scope(quarter)
        scope.approvals = .none
        scope.visits = .only([quarter, quarter.previous])
        return scope
    }

    func inputs(for instance: JobInstance, index: SubmissionIndex) -> [Submission] {
        SubsidiaryInputs.submissions(instance.owner, scope: Self.scope(instance.period), index: index)
    }

    func write(_ instance: JobInstance, build: BuildInfo, to path: String) throws -> String {
        let loader = SubsidiaryInputs(config: config, store: store)
        let scope = Self.scope(instance.period)
        let report = VisitReport(quarter: instance.period, visits: try loader.visits(instance.owner, scope),
                                 credit: try loader.credit(instance.owner, scope))
        let context = ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: report.warnings)
        try VisitReportWorkbook.write(report, context: context, to: path)
        return ""
    }
}
