import Foundation

/// Puts an accepted upload into `drop/<S>/` so that a running `kam run` either sees the whole
/// file or none of it, and never over a file already waiting there.
///
/// The upload was written to a dot-file (which the ingest skips) and fsynced; `link(2)` then
/// gives it its final name in one step and fails if the name exists — unlike `rename`, it never
/// replaces. On a clash the next free name `<stem>_网上报送-<n>.csv` is tried (SPEC §3 lets
/// anything follow the period), so both files are read, in received order.
enum DropPlacement {
    struct Failure: Error, CustomStringConvertible {
        let name: String
        let errno: Int32
        var description: String { "could not place \(name) in the drop folder: \(String(cString: strerror(errno)))" }
    }

    /// Links `temp` into `folder` as `name` or the first free variant; returns the name used.
    static func place(_ temp: URL, in folder: URL, as name: String) throws -> String {
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension.isEmpty ? "csv" : (name as NSString).pathExtension
        for n in 0..<1000 {
            let candidate = n == 0 ? name : "\(stem)_网上报送-\(n).\(ext)"
            let target = folder.appendingPathComponent(candidate)
            if link(temp.path, target.path) == 0 {
                unlink(temp.path)
                syncFolder(folder)
                return candidate
            }
            guard errno == EEXIST else { throw Failure(name: candidate, errno: errno) }
        }
        throw Failure(name: name, errno: EEXIST)
    }

    /// The new name survives a power cut once the folder itself is synced.
    private static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
