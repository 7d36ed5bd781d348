import KamConfig
import KamPolicy
import KamReports
import KamStore

/// Builds the part of every workbook that says who, when, which revision and from which
/// files, the same way for every job.
struct ReportContextFactory {
    let config: KamConfiguration
    let clock: ZonedClock

    /// Throws when the instance's fire time has no instant in the configured zone: the
    /// workbook's created time would otherwise be a made-up one (it was 1970 before issue 21).
    func context(for instance: JobInstance, build: BuildInfo, notes: [String]) throws(UnrepresentableTime) -> ReportContext {
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
            inputs: build.inputs.map(lineage), notes: notes, company: company)
    }

    func lineage(_ s: Submission) -> ReportContext.Input {
        ReportContext.Input(fileName: "\(s.subsidiary)/\(s.fileName)", kind: s.kind, period: s.period,
                            received: clock.display(s.receivedAt), sha256: s.sha256)
    }
}
