import Foundation
import KamConfig
import KamDelivery
import KamIngest
import KamPolicy
import KamStore
import Logging

/// Queues what a run has to tell people, after its deliveries are committed: every workbook
/// revision, receipt and job failure recorded since the last queueing (ledger marks, so a run
/// killed before queueing is made good by the next), drop files kam could not handle, and the
/// reminders and notices of `InputNotices`. When recipients are first configured the marks
/// start at what exists then: switching delivery on does not mail two years of history.
struct OutboxPlanner {
    let config: KamConfiguration
    let clock: ZonedClock

    static let deliveriesMark = "outbox-queued-through-delivery"
    static let submissionsMark = "outbox-queued-through-submission"
    static let failuresMark = "outbox-queued-through-job-failure"
    static let startedMark = "outbox-started-at"

    /// Before the run's ingest: sets the marks the first time there are recipients.
    func prepare(_ store: KamStore) throws {
        guard !config.recipients.isEmpty, try store.ledgerValue(Self.startedMark) == nil else { return }
        try store.setLedgerValue(Self.deliveriesMark, try store.latestDeliveryId())
        try store.setLedgerValue(Self.submissionsMark, try store.latestSubmissionId())
        try store.setLedgerValue(Self.failuresMark, try store.latestJobFailureId())
        try store.setLedgerValue(Self.startedMark, clock.now)
    }

    /// Queues the run's items; returns how many ledger rows were new.
    @discardableResult
    func queue(_ store: KamStore, summary: RunSummary) throws -> Int {
        guard !config.recipients.isEmpty else { return 0 }
        try prepare(store)
        var items: [OutboxItem] = []
        let deliveries = try store.deliveries(afterId: try store.ledgerValue(Self.deliveriesMark) ?? 0)
        for d in deliveries { items.append(try workbook(d, store: store)) }
        let submissionMark = try store.ledgerValue(Self.submissionsMark) ?? 0
        let submissions = try store.allSubmissions()
        for s in submissions where (s.id ?? 0) > submissionMark { items.append(receipt(s)) }
        let failures = try store.jobFailures(afterId: try store.ledgerValue(Self.failuresMark) ?? 0)
        for f in failures {
            items.append(OutboxItem(kind: .failure, key: "job-failure|\(f.id ?? 0)", period: f.period.description,
                                    title: "生成失败：\(f.job) \(f.owner) \(f.period)（\(clock.display(f.failedAt))）",
                                    detail: "\(f.error)\n下次运行会重试；kam status 列出未完成的任务。"))
        }
        for problem in summary.unhandledFiles {
            items.append(OutboxItem(kind: .failure, key: "drop-problem|\(problem)", period: "",
                                    title: "无法处理的报送文件：\(problem)", detail: "下次运行会重试；kam status 列出这些文件。"))
        }
        let notices = InputNotices(calendar: config.calendar, organisation: config.organisation, clock: clock,
                                   remindDays: config.delivery.remindDays, approvalDays: config.policy.credit.approvalDays,
                                   noticesFrom: try store.ledgerValue(Self.startedMark) ?? clock.now)
        items += notices.items(index: SubmissionIndex(submissions))
        let added = try OutboxQueue.enqueue(items, recipients: config.recipients, store: store, now: clock.now)
        if let last = deliveries.last?.id { try store.setLedgerValue(Self.deliveriesMark, last) }
        if let last = submissions.compactMap(\.id).max(), last > submissionMark { try store.setLedgerValue(Self.submissionsMark, last) }
        if let last = failures.last?.id { try store.setLedgerValue(Self.failuresMark, last) }
        return added
    }

    private func workbook(_ d: Delivery, store: KamStore) throws -> OutboxItem {
        let job = JobKind(rawValue: d.job)
        let tier = job?.tier ?? .subsidiary
        let organisation = config.organisation
        let ownerName: String
        var line: String?
        switch tier {
        case .subsidiary:
            let sub = organisation.subsidiary(code: d.owner)
            ownerName = sub.map { "\($0.code) \($0.name)" } ?? d.owner
            line = sub?.lineCode
        case .management:
            ownerName = organisation.line(code: d.owner).map { "\($0.name)条线" } ?? d.owner
            line = d.owner
        case .hq:
            ownerName = d.owner
        }
        // The workbook's own 数据不完整 list; a delivery recorded before the ledger kept it falls
        // back to its recorded submission statuses (consolidations only).
        var missing = d.missingInputs.split(separator: "\n").map(String.init)
        if missing.isEmpty {
            missing = try (d.id.map { try store.statuses(deliveryId: $0) } ?? [])
                .filter { $0.status == .missing }
                .map { "\($0.subsidiary) \($0.kind.rawValue) \($0.period)" }
        }
        var detail: [String] = []
        detail.append(d.revision > 1 ? "第\(d.revision)版，修订原因：\(d.reason)"
                      : d.reason == RevisionReason.first ? "首次生成" : "首次生成（\(d.reason)）")
        if !missing.isEmpty {
            detail.append("缺少数据：" + missing.joined(separator: "，"))
        }
        let name = job?.workbookName ?? d.job
        return OutboxItem(kind: .workbook, key: "workbook|\(d.job)|\(d.owner)|\(d.period)|r\(d.revision)", period: d.period.description,
                          subsidiary: tier == .subsidiary ? d.owner : nil, line: line, job: d.job, tier: tier.rawValue,
                          revision: d.revision,
                          title: "\(ownerName) \(d.period) \(name)" + (d.revision > 1 ? "（第\(d.revision)版）" : ""),
                          detail: detail.joined(separator: "\n"), incomplete: !missing.isEmpty,
                          file: config.reportsFolder.appendingPathComponent(d.path).path, sha256: d.sha256,
                          supersededFile: config.reportsFolder.appendingPathComponent(
                              ReportLocation.superseded(of: d.path, revision: d.revision)).path)
    }

    private func receipt(_ s: Submission) -> OutboxItem {
        let accepted = s.status == .accepted
        let title = "\(s.subsidiary)/\(s.fileName) " + (accepted ? "已接收" : "已退回（\(s.problemCount) 处问题，请按回执修改后重新报送）")
        // The xlsx receipt is attached (Excel keeps its ids as written); a submission from before
        // xlsx receipts has only its CSV.
        var receipt = s.receiptPath
        if !receipt.isEmpty, FileManager.default.fileExists(atPath: config.dropFolder.appendingPathComponent(Receipt.workbookPath(ofCSV: receipt)).path) {
            receipt = Receipt.workbookPath(ofCSV: receipt)
        }
        let detail = "收到时间 \(clock.display(s.receivedAt))，\(s.rowCount) 行" + (s.badRowCount > 0 ? "，其中 \(s.badRowCount) 行有误" : "")
            + (receipt.isEmpty ? "" : "；回执 drop/\(receipt)")
        return OutboxItem(kind: .receipt, key: "receipt|\(s.id ?? 0)", period: s.period?.description ?? "", subsidiary: s.subsidiary,
                          line: config.organisation.subsidiary(code: s.subsidiary)?.lineCode, title: title, detail: detail,
                          file: receipt.isEmpty ? nil : config.dropFolder.appendingPathComponent(receipt).path)
    }
}
