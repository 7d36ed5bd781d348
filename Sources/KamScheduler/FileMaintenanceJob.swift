import KamConfig
import KamPolicy
import KamReports
import KamStore

/// `file-maintenance` for one subsidiary and quarter: Q's customer file against prev(Q)'s,
/// and Q's sales for customers without a file.
struct FileMaintenanceJob: ReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock

    static func scope(_ quarter: Period) -> SubsidiaryInputs.Scope {
        SubsidiaryInputs.Scope(salesMonths: quarter.trailingTwentyFourMonths, customerFiles: .only([quarter, quarter.previous]))
    }

    func inputs(for instance: JobInstance, index: SubmissionIndex) -> [Submission] {
        SubsidiaryInputs.submissions(instance.owner, scope: Self.scope(instance.period), index: index)
    }

    func write(_ instance: JobInstance, build: BuildInfo, to path: String) throws -> String {
        let loader = SubsidiaryInputs(config: config, store: store)
        let scope = Self.scope(instance.period)
        let report = FileMaintenanceReport(quarter: instance.period, customerFiles: try loader.customerFiles(instance.owner, scope),
                                           history: try loader.salesHistory(instance.owner, scope: scope), settings: config.policy)
        let context = ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: report.warnings)
        try FileMaintenanceWorkbook.write(report, context: context, to: path)
        return ""
    }
}
