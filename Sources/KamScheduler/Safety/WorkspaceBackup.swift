import Foundation
import KamConfig
import KamStore

/// `kam backup DIR`: what is needed to recompute every report — the store, copied through
/// SQLite's online backup (consistent even while a run is writing), and the archive of original
/// drop files, which are immutable and named by SHA-256, so only new ones are copied.
public struct WorkspaceBackup {
    public struct Result: Sendable {
        public let storePath: String
        public let archivedFilesCopied: Int
        public let archivedFilesTotal: Int
    }

    let config: KamConfiguration

    public init(config: KamConfiguration) { self.config = config }

    public func write(to folder: URL) throws -> Result {
        try SecureFiles.makeFolder(folder)
        let store = try KamStore(path: config.dataFolder.appendingPathComponent("kam.sqlite").path)
        let storeCopy = folder.appendingPathComponent("kam.sqlite").path
        try store.backup(to: storeCopy)

        let fm = FileManager.default
        let archive = config.dataFolder.appendingPathComponent("archive")
        var copied = 0, total = 0
        for relative in (fm.enumerator(atPath: archive.path)?.allObjects as? [String] ?? []).sorted() {
            let source = archive.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: source.path, isDirectory: &isFolder), !isFolder.boolValue,
                  !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
            total += 1
            let target = folder.appendingPathComponent("archive").appendingPathComponent(relative)
            if fm.fileExists(atPath: target.path) { continue }
            try SecureFiles.publish(try Data(contentsOf: source), to: target)
            copied += 1
        }
        return Result(storePath: storeCopy, archivedFilesCopied: copied, archivedFilesTotal: total)
    }
}
