import KamConfig
import KamPolicy
import KamReports
import KamStore

/// `credit-report` for one subsidiary and quarter: receivables snapshots up to Q (grades,
/// approved grades and terms reach back), Q's approvals, customer files for names.
struct CreditReportJob: ReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock

    static func scope(_ quarter: Period) -> SubsidiaryInputs.Scope {
        SubsidiaryInputs.Scope(salesMonths: quarter.creditWindow, receivables: .through(quarter), approvals: .only([quarter]),
                               customerFiles: .through(quarter))
    }

    func inputs(for instance: JobInstance, index: SubmissionIndex) -> [Submission] {
        SubsidiaryInputs.submissions(instance.owner, scope: Self.scope(instance.period), index: index)
    }

    func write(_ instance: JobInstance, build: BuildInfo, to path: String) throws -> String {
        let credit = try SubsidiaryInputs(config: config, store: store).credit(instance.owner, Self.scope(instance.period))
        let report = CreditReport(quarter: instance.period, inputs: credit)
        let context = ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: report.warnings)
        try CreditReportWorkbook.write(report, context: context, to: path)
        return ""
    }
}
