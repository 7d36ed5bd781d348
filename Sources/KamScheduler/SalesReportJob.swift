import Foundation
import KamConfig
import KamPolicy
import KamReports
import KamStore

/// `sales-report` for one subsidiary and period: the effective sales history from the store,
/// the policy's figures, the workbook.
struct SalesReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock

    /// Writes the workbook to `path` and returns the submissions it was built from, for the
    /// ledger and the manifest.
    func write(_ instance: JobInstance, revision: Int, reason: String, to path: String) throws -> [Submission] {
        let (history, used) = try store.salesHistory(subsidiary: instance.owner, months: instance.period.trailingTwentyFourMonths)
        let report = SalesReport(period: instance.period, history: history, settings: config.policy)
        var notes: [String] = []
        if !report.hasDataInPeriod {
            notes.append("本期(\(instance.period))没有收到已接受的销售明细文件: 本期数据缺失, 收到后将生成新版本。")
        }
        if !report.isProfitKnown && report.hasDataInPeriod {
            notes.append("本期销售文件没有成本列: 毛利与毛利率留空。")
        }
        let subsidiary = config.organisation.subsidiary(code: instance.owner)
        let context = ReportContext(
            job: instance.job, ownerTitle: "\(instance.owner) \(subsidiary?.name ?? "")", period: instance.period,
            fireTime: instance.fireTime, createdUnix: clock.instant(of: instance.fireTime), revision: revision,
            revisionReason: reason, inputs: used.map(lineage), notes: notes, company: subsidiary?.name ?? "")
        try SalesReportWorkbook.write(report, context: context, to: path)
        return used
    }

    func lineage(_ s: Submission) -> ReportContext.Input {
        ReportContext.Input(fileName: s.fileName, kind: s.kind, period: s.period, received: clock.display(s.receivedAt), sha256: s.sha256)
    }
}
