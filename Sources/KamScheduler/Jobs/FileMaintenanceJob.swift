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
    let memo: ReportMemo

    static func scope(_ quarter: Period) -> SubsidiaryInputs.Scope {
        SubsidiaryInputs.Scope(salesMonths: quarter.trailingTwentyFourMonths, customerFiles: .only([quarter, quarter.previous]))
    }

    func reads(for instance: JobInstance) -> [SubsidiaryRead] {
        [SubsidiaryRead(subsidiary: instance.owner, scope: Self.scope(instance.period))]
    }

    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use] {
        [ReportMemo.Use(kind: .files, subsidiary: instance.owner, period: instance.period)]
    }

    static func report(_ subsidiary: String, _ quarter: Period, loader: SubsidiaryInputs) throws -> FileMaintenanceReport {
        let scope = scope(quarter)
        let (files, history) = (try loader.customerFiles(subsidiary, scope), try loader.salesHistory(subsidiary, scope: scope))
        return try MoneyOverflow.context(subsidiary: subsidiary) { () throws(MoneyOverflow) in
            try FileMaintenanceReport(quarter: quarter, customerFiles: files, history: history, settings: loader.config.policy)
        }
    }

    /// The figures hq-quarterly shows: handed over by the job (`ReportMemo`), else computed.
    static func figures(_ subsidiary: String, _ quarter: Period, loader: SubsidiaryInputs,
                        memo: ReportMemo) throws -> SubsidiaryFileFigures {
        try memo.fileFigures(subsidiary, quarter) { SubsidiaryFileFigures(report: try report(subsidiary, quarter, loader: loader)) }
    }

    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook {
        let report = try Self.report(instance.owner, instance.period, loader: loader)
        memo.produced(.files, instance.owner, instance.period, SubsidiaryFileFigures(report: report))
        // SPEC §8 "Incomplete data": Q's customer file, and prev(Q)'s it is compared with (unless
        // prev(Q) is before `since`, where nothing was ever owed), are this workbook's inputs.
        let missing = ReportContextFactory.ownInput(instance, .customers, missing: report.isCurrentMissing)
            + ReportContextFactory.ownInput(instance, .customers, of: instance.period.previous,
                                            missing: report.isPreviousMissing && instance.period.previous.lastMonth >= config.calendar.since)
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: report.warnings,
                                                                                  missing: missing)
        let visible = try FileMaintenanceWorkbook.write(report, context: context, to: path)
        return WrittenWorkbook(context: context, visible: visible)
    }
}
