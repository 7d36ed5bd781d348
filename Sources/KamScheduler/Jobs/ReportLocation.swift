import Foundation
import KamConfig
import KamPolicy

/// Where a job instance's workbook lives (SPEC §5, §8 "Folders and owners"):
/// `reports/<P>/<tier>/<owner>_<P>_<workbook>.xlsx`, and where a replaced revision goes:
/// `reports/<P>/<tier>/superseded/<name>_r<N>.xlsx` (`superseded(of:revision:tag:)`).
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

    /// Where a workbook delivered at `relativePath` goes when it is replaced, whatever name it
    /// was delivered under (`reports/<P>/<tier>/superseded/<its name>_r<N>.xlsx`); `tag` keeps a
    /// retired owner's file apart from the new owner's revisions of the same name.
    static func superseded(of relativePath: String, revision: Int, tag: String = "") -> String {
        let folder = (relativePath as NSString).deletingLastPathComponent
        let stem = ((relativePath as NSString).lastPathComponent as NSString).deletingPathExtension
        return "\(folder)/superseded/\(stem)\(tag.isEmpty ? "" : "_\(tag)")_r\(revision).xlsx"
    }
}
