import Foundation
import KamConfig
import KamIngest
import KamPolicy
import KamReports
import KamStore

/// `sales-report` for one subsidiary and period: the effective sales history from the store,
/// the policy's figures, the workbook.
struct SalesReportJob: ReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock
    let memo: ReportMemo

    /// The sales the report's figures read: the trailing 24 months.
    static func salesScope(_ period: Period) -> SubsidiaryInputs.Scope {
        SubsidiaryInputs.Scope(salesMonths: period.trailingTwentyFourMonths)
    }

    /// The sales, and for a quarter the `customers` file its 客户经理 sheet reads (SPEC §4.6):
    /// the latest accepted snapshot whose quarter ends by P's end.
    static func scope(_ period: Period) -> SubsidiaryInputs.Scope {
        var scope = salesScope(period)
        if period.isQuarter { scope.customerFiles = .latestThrough(period) }
        return scope
    }

    /// The full scope, and the sales alone (the figures line-summary shares, `ReportMemo`).
    func reads(for instance: JobInstance) -> [SubsidiaryRead] {
        [Self.scope(instance.period), Self.salesScope(instance.period)].map { SubsidiaryRead(subsidiary: instance.owner, scope: $0) }
    }

    /// The 客户经理 and C类客户分析 sheets of a quarter's report; nil for a month.
    func quarterAnalysis(_ report: SalesReport, _ instance: JobInstance, loader: SubsidiaryInputs) throws -> SalesReportWorkbook.QuarterAnalysis? {
        guard instance.period.isQuarter else { return nil }
        var snapshot: [String: CustomerFileRecord]?
        if let records = try loader.customerFiles(instance.owner, Self.scope(instance.period)).values.first {
            snapshot = Dictionary(records.map { ($0.customerID, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return try MoneyOverflow.context(subsidiary: instance.owner) { () throws(MoneyOverflow) in
            SalesReportWorkbook.QuarterAnalysis(
                managers: try AccountManagerSummary.summaries(of: report.rows, period: instance.period) {
                    AccountManager.of($0, in: snapshot)
                },
                classC: try ClassCCustomers(rows: report.rows, topN: config.policy.growth.topN, period: instance.period))
        }
    }

    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use] {
        [ReportMemo.Use(kind: .sales, subsidiary: instance.owner, period: instance.period)]
    }

    /// The report for `subsidiary` and `period`: line-summary shows it too, so it is computed once (`ReportMemo`).
    static func report(_ subsidiary: String, _ period: Period, config: KamConfiguration, loader: SubsidiaryInputs,
                       memo: ReportMemo) throws -> SalesReport {
        try memo.salesReport(subsidiary, period) {
            let history = try loader.salesHistory(subsidiary, scope: salesScope(period))
            let covered = try loader.coveredMonths(subsidiary, scope: salesScope(period))
            let gaps = SalesGaps.among(period.trailingTwentyFourMonths, covered: covered, since: config.calendar.since)
            return try MoneyOverflow.context(subsidiary: subsidiary) { () throws(MoneyOverflow) in
                try SalesReport(period: period, history: history, settings: config.policy, gaps: gaps)
            }
        }
    }

    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook {
        let report = try Self.report(instance.owner, instance.period, config: config, loader: loader, memo: memo)
        var notes: [String] = []
        // Missing means no accepted file covers a month (`SalesGaps`); an accepted header-only
        // file is a submission of zero lines (SPEC §8), not a missing one.
        let missing = report.gaps.within(instance.period.months).missingMonths
        if !missing.isEmpty {
            let months = missing.map(\.description).joined(separator: "、")
            notes.append("本期(\(instance.period))没有收到已接受的销售明细文件(缺 \(months)): 本期数据缺失, 收到后将生成新版本。")
        } else if !report.hasDataInPeriod {
            notes.append("本期(\(instance.period))已收到销售明细文件, 但没有销售行。")
        }
        if !report.isProfitKnown && report.hasDataInPeriod {
            notes.append("本期销售文件没有成本列: 毛利与毛利率留空。")
        }
        if report.isTTMMissing && !report.isPeriodMissing {
            let months = report.gaps.within(instance.period.trailingTwelveMonths).missingMonths.map(\.description)
            notes.append("近12月内有月份未报送(\(months.joined(separator: "、"))): 近12月销售额、等级、大客户留空。")
        }
        let missingMonths = report.gaps.missingMonths.map {
            ReportContextFactory.describe(subsidiary: instance.owner, kind: .sales, period: $0.description)
        }
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: notes,
                                                                                  missing: missingMonths)
        let visible = try SalesReportWorkbook.write(report, quarter: try quarterAnalysis(report, instance, loader: loader), context: context, to: path)
        return WrittenWorkbook(figures: SalesTotalsRecord(try SubsidiaryReportTotals(subsidiaryCode: instance.owner, revision: build.revision, report: report)).json,
                               context: context, visible: visible)
    }
}
