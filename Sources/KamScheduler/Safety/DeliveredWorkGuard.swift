import Foundation
import KamConfig
import KamStore

/// A delivered workbook is only ever replaced by a revision the store records (SPEC §8,
/// "Safety of what was delivered"). A run decides what to write from the ledger alone, so a
/// ledger that does not know what `reports/` holds — the store file emptied, deleted or
/// restored from an old backup, or `paths.data` pointing at another folder (a volume not
/// mounted at boot, a typo) — would make every workbook look never delivered and overwrite
/// each with a fresh revision 1. This guard is asked before any run, report, ingest or daemon
/// cycle touches anything; it never creates the store.
///
/// The check is by path: every `.xlsx` and `manifest.json` under `reports/` must be a file the
/// ledger wrote (a current revision, a superseded one, or the manifest of a period with
/// deliveries). Comparing bytes is `kam status`'s job (an edited workbook is reported there and
/// left alone); a stat walk of a few hundred files keeps a run with nothing new fast.
public enum DeliveredWorkGuard {
    /// The store and `reports/` disagree; nothing was changed.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public enum StoreState: Sendable, Equatable {
            case missing, empty, unknownFiles
        }
        public let storePath: String
        public let reportsPath: String
        public let state: StoreState
        /// Files under `reports/` the ledger does not know, relative to it, sorted.
        public let unknown: [String]

        public var description: String {
            let examples = unknown.prefix(3).joined(separator: ", ") + (unknown.count > 3 ? ", …" : "")
            let what: String
            switch state {
            case .missing: what = "the store \(storePath) does not exist"
            case .empty: what = "the store \(storePath) is empty"
            case .unknownFiles: what = "the store \(storePath) does not know what \(reportsPath) holds"
            }
            let dataFolder = (storePath as NSString).deletingLastPathComponent
            return """
                \(what), but \(reportsPath) holds \(unknown.count) delivered workbook(s) or manifest(s) that its ledger \
                did not record (\(examples)). kam refuses to run so that nothing it delivered is overwritten; no file \
                was changed. If the store was lost or damaged: stop kam, remove \(dataFolder)/kam.sqlite-wal and \
                \(dataFolder)/kam.sqlite-shm if present, copy your backup's kam.sqlite to \(storePath) (mode 0600) and \
                its archive/ to \(dataFolder)/archive/ (README: kam backup). If paths.data points to the wrong folder \
                (a volume not mounted, a typo), fix the config or mount it. To start a new ledger on purpose, move \
                \(reportsPath) aside first.
                """
        }
    }

    /// Refuses when the store file at `storePath` is missing or empty while `reports/` holds
    /// delivered files. Called before the store is opened (opening would create it).
    public static func checkBeforeOpening(storePath: String, reportsFolder: URL) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? NSNumber)?.int64Value
        guard size == nil || size == 0 else { return }
        let delivered = deliveredFiles(under: reportsFolder)
        guard !delivered.isEmpty else { return }
        throw Refusal(storePath: storePath, reportsPath: reportsFolder.path, state: size == nil ? .missing : .empty,
                      unknown: delivered)
    }

    /// Refuses when `reports/` holds workbooks or manifests the opened store's ledger never wrote.
    public static func check(store: KamStore, storePath: String, reportsFolder: URL) throws {
        let delivered = deliveredFiles(under: reportsFolder)
        guard !delivered.isEmpty else { return }
        let deliveries = try store.deliveredRevisions()
        let known = knownPaths(deliveries)
        let unknown = delivered.filter { !known.contains($0) }
        guard !unknown.isEmpty else { return }
        if try leftByAnInterruptedRun(unknown, deliveries: deliveries, store: store) { return }
        throw Refusal(storePath: storePath, reportsPath: reportsFolder.path, state: .unknownFiles, unknown: unknown)
    }

    /// What a run killed while publishing one workbook leaves, and the next run completes:
    /// the previous revision moved to `superseded/<stem>_r<N>.xlsx` (N the ledger's current
    /// revision), and/or the new workbook under its final name, not yet recorded. Publishing
    /// is serial, so that is at most those two files, of one workbook, and only when the
    /// store's last run did not finish. Anything more is a store that does not know the reports.
    static func leftByAnInterruptedRun(_ unknown: [String], deliveries: [(path: String, period: String, revision: Int)],
                                       store: KamStore) throws -> Bool {
        guard unknown.count <= 2, let last = try store.recentRuns(limit: 1).first, last.finishedAt == nil else { return false }
        var current: [String: Int] = [:]
        for d in deliveries { current[d.path] = max(current[d.path] ?? 0, d.revision) }
        var finalNames = Set<String>()
        var kinds = Set<String>()
        for path in unknown {
            let folder = (path as NSString).deletingLastPathComponent
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if (folder as NSString).lastPathComponent == "superseded", let cut = name.range(of: "_r", options: .backwards),
               let n = Int(name[cut.upperBound...]) {
                let final = "\((folder as NSString).deletingLastPathComponent)/\(name[..<cut.lowerBound]).xlsx"
                guard current[final] == n else { return false }
                finalNames.insert(final)
                kinds.insert("superseded")
            } else if path.hasSuffix(".xlsx") {
                finalNames.insert(path)
                kinds.insert("final")
            } else {
                return false
            }
        }
        return finalNames.count == 1 && kinds.count == unknown.count
    }

    /// Every path below `reports/` the ledger wrote: the current revision under its own name,
    /// earlier ones in `superseded/`, and each delivered period's manifest.
    static func knownPaths(_ deliveries: [(path: String, period: String, revision: Int)]) -> Set<String> {
        var latest: [String: Int] = [:]
        for d in deliveries { latest[d.path] = max(latest[d.path] ?? 0, d.revision) }
        var known = Set<String>()
        for d in deliveries {
            known.insert("\(d.period)/manifest.json")
            if d.revision == latest[d.path] {
                known.insert(d.path)
            } else {
                known.insert(ReportPaths.superseded(d.path, revision: d.revision))
            }
        }
        return known
    }

    /// `.xlsx` files and `manifest.json` files under `folder` (relative, sorted); temporary
    /// files (`.name.pid.tmp`) and anything else (a README) are not delivered work.
    static func deliveredFiles(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."), name.hasSuffix(".xlsx") || name == "manifest.json" else { continue }
            found.append(relative)
        }
        return found.sorted()
    }
}

/// Path arithmetic on the ledger's relative paths (`2026Q3/subsidiary/HG01_2026Q3_客户销售报表.xlsx`).
enum ReportPaths {
    /// `<folder>/superseded/<stem>_r<N>.xlsx`, as `ReportLocation.supersededRelativePath` writes it.
    static func superseded(_ path: String, revision: Int) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return "\(folder)/superseded/\(stem)_r\(revision).xlsx"
    }
}
