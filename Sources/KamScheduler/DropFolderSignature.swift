import Foundation

/// A cheap fingerprint of the drop folders (names, sizes, modification times of the files
/// directly inside each): the daemon compares two to notice a new or changed file without
/// reading any of them.
struct DropFolderSignature: Equatable {
    private let entries: [String]

    init(dropFolder: URL) {
        var entries: [String] = []
        let fm = FileManager.default
        for sub in (try? fm.contentsOfDirectory(atPath: dropFolder.path))?.sorted() ?? [] {
            let folder = dropFolder.appendingPathComponent(sub)
            for name in (try? fm.contentsOfDirectory(atPath: folder.path))?.sorted() ?? [] {
                guard let a = try? fm.attributesOfItem(atPath: folder.appendingPathComponent(name).path),
                      (a[.type] as? FileAttributeType) == .typeRegular else { continue }
                let mtime = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                entries.append("\(sub)/\(name)|\(a[.size] ?? 0)|\(mtime)")
            }
        }
        self.entries = entries
    }
}
