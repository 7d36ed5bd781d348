import Foundation

/// A cheap fingerprint of the drop folders (names, sizes, modification times of the files
/// directly inside each): the daemon compares two to notice a new or changed file without
/// reading any of them.
struct DropFolderSignature: Equatable {
    private let entries: [String]

    init(dropFolder: URL) {
        var entries: [String] = []
        for sub in (try? FileManager.default.contentsOfDirectory(atPath: dropFolder.path))?.sorted() ?? [] {
            // Raw names, as the ingest lists them: a GBK-named file wakes the daemon too.
            for entry in (try? DropEntry.list(dropFolder.appendingPathComponent(sub), subsidiary: sub)) ?? [] {
                guard let st = entry.status(), (st.st_mode & S_IFMT) == S_IFREG else { continue }
                entries.append("\(sub)/\(entry.rawName)|\(st.st_size)|\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)")
            }
        }
        self.entries = entries
    }
}
