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
    let memo: ReportMemo

    static func scope(_ quarter: Period) -> SubsidiaryInputs.Scope {
        var scope = CreditReportJob.scope(quarter)
        scope.approvals = .none
        scope.visits = .only([quarter, quarter.previous])
        return scope
    }

    func reads(for instance: JobInstance) -> [SubsidiaryRead] {
        [SubsidiaryRead(subsidiary: instance.owner, scope: Self.scope(instance.period))]
    }

    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use] {
        [ReportMemo.Use(kind: .visits, subsidiary: instance.owner, period: instance.period)]
    }

    static func report(_ subsidiary: String, _ quarter: Period, loader: SubsidiaryInputs) throws -> VisitReport {
        let scope = scope(quarter)
        let (visits, credit) = (try loader.visits(subsidiary, scope), try loader.credit(subsidiary, scope))
        return try MoneyOverflow.context(subsidiary: subsidiary) { () throws(MoneyOverflow) in
            try VisitReport(quarter: quarter, visits: visits, credit: credit)
        }
    }

    /// The figures hq-quarterly shows: handed over by the job (`ReportMemo`), else computed.
    static func figures(_ subsidiary: String, _ quarter: Period, loader: SubsidiaryInputs,
                        memo: ReportMemo) throws -> SubsidiaryVisitFigures {
        try memo.visitFigures(subsidiary, quarter) { SubsidiaryVisitFigures(report: try report(subsidiary, quarter, loader: loader)) }
    }

    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook {
        let report = try Self.report(instance.owner, instance.period, loader: loader)
        memo.produced(.visits, instance.owner, instance.period, SubsidiaryVisitFigures(report: report))
        // SPEC §8 "Incomplete data": without Q's visits the workbook carries the banner.
        let missing = ReportContextFactory.ownInput(instance, .visits, missing: report.isVisitsMissing)
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: report.warnings,
                                                                                  missing: missing)
        let visible = try VisitReportWorkbook.write(report, context: context, to: path)
        return WrittenWorkbook(context: context, visible: visible)
    }
}
