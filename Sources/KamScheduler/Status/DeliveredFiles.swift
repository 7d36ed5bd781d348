import KamConfig
import KamPolicy
import KamStore

/// Every file below `reports/` the ledger says kam wrote, by its relative path: the current
/// revision of each workbook under its own name, each earlier revision where `publish` moved it
/// (`superseded/<stem>_r<N>.xlsx`), and each delivered period's manifest. The portal answers
/// `/reports/<path>` only from this map, never by opening a path taken from the request.
public struct DeliveredFiles: Sendable {
    public enum Kind: String, Sendable { case current, superseded, manifest }

    public struct File: Sendable {
        /// Relative to the reports folder.
        public let path: String
        public let kind: Kind
        /// The revision the file holds; nil for a manifest.
        public let delivery: Delivery?
        /// Whose data it is, for `Visibility`; nil for a manifest.
        public let owner: Visibility.Workbook?
    }

    public let byPath: [String: File]
    /// Workbooks (current and superseded), newest delivery first.
    public let workbooks: [File]

    public init(deliveries: [Delivery], organisation: Organisation) {
        var latest: [String: Int] = [:]
        for d in deliveries { latest[d.path] = max(latest[d.path] ?? 0, d.revision) }
        var map: [String: File] = [:]
        var list: [File] = []
        for d in deliveries {
            let owner = Self.owner(of: d, organisation: organisation)
            let manifest = "\(d.period)/manifest.json"
            if map[manifest] == nil { map[manifest] = File(path: manifest, kind: .manifest, delivery: nil, owner: nil) }
            let file = d.revision == latest[d.path]
                ? File(path: d.path, kind: .current, delivery: d, owner: owner)
                : File(path: ReportLocation.superseded(of: d.path, revision: d.revision), kind: .superseded, delivery: d, owner: owner)
            map[file.path] = file
            list.append(file)
        }
        byPath = map
        workbooks = list.reversed()
    }

    /// The tier, job, subsidiary and line of a delivered workbook, from its job and owner.
    public static func owner(of d: Delivery, organisation: Organisation) -> Visibility.Workbook {
        let tier = JobKind(rawValue: d.job)?.tier
        switch tier {
        case .subsidiary?:
            return Visibility.Workbook(tier: ReportingTier.subsidiary.rawValue, job: d.job, subsidiary: d.owner,
                                       line: organisation.subsidiary(code: d.owner)?.lineCode)
        case .management?:
            return Visibility.Workbook(tier: ReportingTier.management.rawValue, job: d.job, subsidiary: nil, line: d.owner)
        case .hq?:
            return Visibility.Workbook(tier: ReportingTier.hq.rawValue, job: d.job, subsidiary: nil, line: nil)
        case nil:
            // A job this version does not know: only those who see everything.
            return Visibility.Workbook(tier: "", job: d.job, subsidiary: nil, line: nil)
        }
    }
}
