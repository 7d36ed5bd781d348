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
    let memo: ReportMemo

    static func scope(_ quarter: Period) -> SubsidiaryInputs.Scope {
        SubsidiaryInputs.Scope(salesMonths: quarter.creditWindow, receivables: .through(quarter), approvals: .only([quarter]),
                               customerFiles: .through(quarter))
    }

    func reads(for instance: JobInstance) -> [SubsidiaryRead] {
        [SubsidiaryRead(subsidiary: instance.owner, scope: Self.scope(instance.period))]
    }

    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use] {
        [ReportMemo.Use(kind: .credit, subsidiary: instance.owner, period: instance.period),
         ReportMemo.Use(kind: .groupCredit, subsidiary: instance.owner, period: instance.period)]
    }

    static func report(_ subsidiary: String, _ quarter: Period, loader: SubsidiaryInputs) throws -> CreditReport {
        let inputs = try loader.credit(subsidiary, scope(quarter))
        return try MoneyOverflow.context(subsidiary: subsidiary) { () throws(MoneyOverflow) in
            try CreditReport(quarter: quarter, inputs: inputs)
        }
    }

    /// What hq-quarterly shows of this report: handed over by the job (`ReportMemo`), else computed.
    static func groupCredit(_ subsidiary: String, _ quarter: Period, loader: SubsidiaryInputs,
                            memo: ReportMemo) throws -> SubsidiaryGroupCredit {
        try memo.groupCredit(subsidiary, quarter) { SubsidiaryGroupCredit(report: try report(subsidiary, quarter, loader: loader)) }
    }

    /// The warnings line-summary's 资信预警 lists: handed over by the job (`ReportMemo`), else computed.
    static func warnings(_ subsidiary: String, _ quarter: Period, loader: SubsidiaryInputs,
                         memo: ReportMemo) throws -> [SubsidiaryCreditWarning] {
        try memo.creditWarnings(subsidiary, quarter) {
            SubsidiaryCreditWarning.warnings(of: try report(subsidiary, quarter, loader: loader), subsidiaryCode: subsidiary)
        }
    }

    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook {
        let report = try Self.report(instance.owner, instance.period, loader: loader)
        memo.produced(.credit, instance.owner, instance.period,
                      SubsidiaryCreditWarning.warnings(of: report, subsidiaryCode: instance.owner))
        memo.produced(.groupCredit, instance.owner, instance.period, SubsidiaryGroupCredit(report: report))
        let approval = try ApprovalStatusLookup.timeliness(instance.owner, for: instance.period, read: Self.scope(instance.period),
                                                           build: build, config: config, clock: clock)
        // SPEC §8 "Incomplete data": Q's receivables are this workbook's own input; without them
        // it carries the banner (missing approvals are a 批复状态, 未批复, not missing data).
        let missing = ReportContextFactory.ownInput(instance, .receivables, missing: report.isReceivablesMissing)
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: report.warnings,
                                                                                  missing: missing)
        let visible = try CreditReportWorkbook.write(report, approval: approval, context: context, to: path)
        return WrittenWorkbook(figures: CreditCountsRecord(report).json, context: context, visible: visible)
    }
}
