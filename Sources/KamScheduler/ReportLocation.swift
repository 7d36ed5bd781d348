import Foundation
import KamConfig
import KamPolicy

/// Where a job instance's workbook lives (SPEC §5, §8 "Folders and owners"):
/// `reports/<P>/<tier>/<owner>_<P>_<workbook>.xlsx`, and where a replaced revision goes:
/// `reports/<P>/<tier>/superseded/<name>_r<N>.xlsx`.
struct ReportLocation {
    let relativePath: String
    private let folder: String
    private let stem: String

    init(instance: JobInstance, organisation: Organisation) {
        let owner: String
        switch instance.job.tier {
        case .subsidiary, .hq: owner = instance.owner
        case .management: owner = organisation.line(code: instance.owner)?.name ?? instance.owner
        }
        let p = instance.period.description
        folder = "\(p)/\(instance.job.tier.rawValue)"
        stem = "\(owner)_\(p)_\(instance.job.workbookName)"
        relativePath = "\(folder)/\(stem).xlsx"
    }

    func url(in config: KamConfiguration) -> URL { config.reportsFolder.appendingPathComponent(relativePath) }

    func supersededRelativePath(revision: Int) -> String { "\(folder)/superseded/\(stem)_r\(revision).xlsx" }
}
