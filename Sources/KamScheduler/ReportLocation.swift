import Foundation
import KamConfig
import KamPolicy

/// Where a job instance's workbook lives (SPEC §5, §8 "Folders and owners"):
/// `reports/<P>/<tier>/<owner>_<P>_<workbook>.xlsx`.
struct ReportLocation {
    let relativePath: String

    init(instance: JobInstance, organisation: Organisation) {
        let owner: String
        switch instance.job.tier {
        case .subsidiary, .hq: owner = instance.owner
        case .management: owner = organisation.line(code: instance.owner)?.name ?? instance.owner
        }
        let p = instance.period.description
        relativePath = "\(p)/\(instance.job.tier.rawValue)/\(owner)_\(p)_\(instance.job.workbookName).xlsx"
    }

    func url(in config: KamConfiguration) -> URL { config.reportsFolder.appendingPathComponent(relativePath) }
}
