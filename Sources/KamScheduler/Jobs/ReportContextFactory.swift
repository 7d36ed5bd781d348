import KamConfig
import KamIngest
import KamPolicy
import KamReports
import KamStore

/// Builds the part of every workbook that says who, when, which revision and from which
/// files, the same way for every job.
struct ReportContextFactory {
    let config: KamConfiguration
    let clock: ZonedClock

    /// `missing`: inputs the job knows its figures lacked beyond the expected inputs never
    /// received (a sales report's missing months in its ttm window, a line's subsidiary).
    /// Throws when the instance's fire time has no instant in the configured zone: the
    /// workbook's created time would otherwise be a made-up one (it was 1970 before issue 21).
    func context(for instance: JobInstance, build: BuildInfo, notes: [String],
                 missing: [String] = []) throws(UnrepresentableTime) -> ReportContext {
        let title: String
        let company: String
        switch instance.job.tier {
        case .subsidiary:
            let name = config.organisation.subsidiary(code: instance.owner)?.name ?? ""
            title = "\(instance.owner) \(name)"
            company = name
        case .management:
            title = config.organisation.line(code: instance.owner)?.name ?? instance.owner
            company = title
        case .hq:
            title = instance.owner
            company = JobInstance.groupOwner
        }
        return ReportContext(
            job: instance.job, ownerTitle: title, period: instance.period, fireTime: instance.fireTime,
            createdUnix: try clock.instant(of: instance.fireTime), revision: build.revision, revisionReason: build.reason,
            inputs: LineageOrder(config.organisation).sorted(build.inputs).map(lineage), notes: notes, company: company,
            missingInputs: Self.missingInputs(build.statuses, plus: missing),
            unchangedDigest: build.keptIfUnchanged.map(\.visibleDigest).flatMap { $0.isEmpty ? nil : $0 })
    }

    /// What the 数据不完整 banner lists: every expected input never received when the workbook
    /// was built (`HG01 应收账款 2026Q4`), then what the job adds, each once, in that order.
    static func missingInputs(_ statuses: [ExpectedInput.Resolved], plus extra: [String]) -> [String] {
        var result: [String] = []
        for s in statuses where s.status == .missing {
            let text = describe(subsidiary: s.input.subsidiary, kind: s.input.kind, period: s.input.period.description)
            if !result.contains(text) { result.append(text) }
        }
        for e in extra where !result.contains(e) { result.append(e) }
        return result
    }

    /// A subsidiary job's own quarter input for the banner (SPEC §8: a quarter kind is missing
    /// when no accepted file for the quarter exists), as the job's report judged it.
    static func ownInput(_ instance: JobInstance, _ kind: InputKind, of period: Period? = nil, missing: Bool) -> [String] {
        missing ? [describe(subsidiary: instance.owner, kind: kind, period: (period ?? instance.period).description)] : []
    }

    /// `HG01 销售明细 2026-10`: how the banner and the notices name a missing input.
    static func describe(subsidiary: String, kind: InputKind, period: String) -> String {
        "\(subsidiary) \(kind.chineseName) \(period)"
    }

    func lineage(_ s: Submission) -> ReportContext.Input {
        ReportContext.Input(fileName: "\(s.subsidiary)/\(s.fileName)", kind: s.kind?.rawValue ?? "", period: s.period?.description ?? "",
                            received: clock.display(s.receivedAt), sha256: s.sha256)
    }
}
