import Foundation
import Logging

/// Which entries of a drop folder kam may read. The folder decides whose a file is (a file in
/// `drop/HG01/` is HG01's whatever it says), so a drop entry must really be a regular file in
/// that folder: a symbolic link — to a file or to a folder, inside the workspace or outside —
/// is refused and left in place (a link could make kam read, archive and then delete another
/// subsidiary's or the system's file), as is anything that is not a regular file (a FIFO would
/// block the run). A subsidiary's folder that is itself a symbolic link is not read at all
/// (docs/DECISIONS.md, "Drop folder safety"). Names come from the directory listing, so they
/// never contain `/`; `.` and `..` are never listed.
enum DropEntryGuard {
    enum Verdict: Equatable {
        case read
        case skip                       // not a .csv, or a sub-folder (receipts/): silently not input
        case refuse(String)             // logged, left in place
    }

    static func folderVerdict(_ folder: URL) -> Verdict {
        var st = stat()
        guard lstat(folder.path, &st) == 0 else { return .skip }
        if (st.st_mode & S_IFMT) == S_IFLNK { return .refuse("the drop folder is a symbolic link; kam does not follow it") }
        return (st.st_mode & S_IFMT) == S_IFDIR ? .read : .refuse("the drop folder is not a folder")
    }

    static func entryVerdict(_ entry: DropEntry) -> Verdict {
        let lower = entry.rawName.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard lower.count > 4, lower.suffix(4).elementsEqual(".csv".utf8) else { return .skip }
        guard let st = entry.status() else { return .skip }  // vanished since the listing
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .read
        case S_IFDIR: return .skip
        case S_IFLNK: return .refuse("a symbolic link; kam reads only regular files in the drop folder and leaves links in place")
        default: return .refuse("not a regular file; left in place")
        }
    }
}

extension DropEntryGuard {
    /// What identifies the bytes of a drop file without reading them.
    struct Identity: Equatable {
        let device: UInt64, inode: UInt64, size: Int64, mtimeSeconds: Int, mtimeNanos: Int
    }

}

extension DropEntryGuard.Identity {
    init(_ st: stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                  mtimeSeconds: st.st_mtim.tv_sec, mtimeNanos: st.st_mtim.tv_nsec)
    }
}

extension DropEntryGuard {
    /// `true` when the subsidiary's folder is to be read; a refusal is logged.
    static func admitsFolder(_ folder: URL, logger: Logger) -> Bool {
        log(folderVerdict(folder), "\(folder.deletingLastPathComponent().lastPathComponent)/\(folder.lastPathComponent)", logger: logger)
    }

    /// `true` when the entry is to be read; a refusal is logged (names only, never content).
    static func admits(_ entry: DropEntry, logger: Logger) -> Bool {
        log(entryVerdict(entry), entry.displayPath, logger: logger)
    }

    private static func log(_ verdict: Verdict, _ what: String, logger: Logger) -> Bool {
        switch verdict {
        case .read: return true
        case .skip: return false
        case .refuse(let why):
            logger.warning("drop entry refused", metadata: ["drop.entry": "\(what)", "reason": "\(why)"])
            return false
        }
    }

    /// `true` when the drop file is still the one staged (same inode, size and mtime). A file
    /// that grew, was replaced or vanished while kam read it is left for the next run: its
    /// current bytes are read then, and an accepted file is never removed unless the bytes
    /// removed are the bytes stored.
    static func unchanged(_ entry: DropEntry, since identity: Identity, logger: Logger) -> Bool {
        FaultHook.changeDropFile(entry)
        guard let st = entry.status(), (st.st_mode & S_IFMT) == S_IFREG, Identity(st) == identity else {
            logger.warning("drop file changed while being read; it is left in place for the next run",
                           metadata: ["drop.file": "\(entry.displayPath)"])
            return false
        }
        return true
    }
}
