import KamConfig
import KamPolicy
import KamReports
import KamStore

/// `line-summary` for one business line and period: every subsidiary's sales report figures,
/// its submission status, for quarters its credit warnings — and the reconciliation against
/// each subsidiary's delivered 客户销售报表 (its current revision's totals, from the ledger).
struct LineSummaryJob: ReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock
    let memo: ReportMemo

    func subsidiaries(of instance: JobInstance) -> [Subsidiary] {
        config.organisation.subsidiaries.filter { $0.lineCode == instance.owner }
    }

    /// Per subsidiary: its sales report's sales, and for a quarter its credit report's scope.
    func reads(for instance: JobInstance) -> [SubsidiaryRead] {
        let scopes = [SalesReportJob.salesScope(instance.period)]
            + (instance.period.isQuarter ? [CreditReportJob.scope(instance.period)] : [])
        return subsidiaries(of: instance).flatMap { sub in scopes.map { SubsidiaryRead(subsidiary: sub.code, scope: $0) } }
    }

    func expectedInputs(for instance: JobInstance) -> [ExpectedInput] {
        subsidiaries(of: instance).compactMap {
            ExpectedInput.owed(by: .salesReport, subsidiary: $0.code, period: instance.period, calendar: config.calendar)
        }
    }

    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use] {
        subsidiaries(of: instance).flatMap { sub in
            [ReportMemo.Use(kind: .sales, subsidiary: sub.code, period: instance.period)]
                + (instance.period.isQuarter ? [ReportMemo.Use(kind: .credit, subsidiary: sub.code, period: instance.period)] : [])
        }
    }

    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook {
        guard let line = config.organisation.line(code: instance.owner) else { return WrittenWorkbook() }
        let statuses = Dictionary(build.statuses.map { ($0.input.subsidiary, $0.status) }, uniquingKeysWith: { a, _ in a })
        var inputs: [LineSubsidiaryInput] = []
        var delivered: [SubsidiaryReportTotals] = []
        var notes: [String] = []
        for sub in subsidiaries(of: instance) {
            let report = try SalesReportJob.report(sub.code, instance.period, config: config, loader: loader, memo: memo)
            let own = try store.latestDelivery(job: JobKind.salesReport.rawValue, owner: sub.code, period: instance.period)
            var warnings: [SubsidiaryCreditWarning] = []
            if instance.period.isQuarter {
                warnings = try CreditReportJob.warnings(sub.code, instance.period, loader: loader, memo: memo)
            }
            inputs.append(LineSubsidiaryInput(subsidiary: sub, report: report, submission: statuses[sub.code] ?? .missing,
                                              salesReportRevision: own?.revision, creditWarnings: warnings))
            if let own, let record = SalesTotalsRecord.decode(own.figures) {
                delivered.append(record.totals(subsidiary: sub.code, revision: own.revision))
            } else {
                notes.append("\(sub.code) 的客户销售报表(\(instance.period))尚未交付, 无法核对。")
            }
        }
        let summary = try LineSummary(line: line, period: instance.period, subsidiaries: inputs, settings: config.policy)
        let reconciliation = Reconciliation(summary: summary, subsidiaryTotals: delivered)
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: notes)
        let visible = try LineSummaryWorkbook.write(summary, reconciliation: reconciliation, context: context, to: path)
        return WrittenWorkbook(context: context, visible: visible)
    }
}
