import Foundation

/// A recipient's outbox folder (often a mounted share): `<outbox>/<P>/<file>`, written
/// atomically (a temporary name in the same folder, synced, renamed), and when a later revision
/// arrives the earlier copy moves to `<outbox>/<P>/superseded/<name>_r<N>.xlsx`, as in
/// `reports/`. Never writes through a symbolic link: a link where a folder or the file should
/// be is refused, since it could point anywhere on the server.
public struct OutboxFolder: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func put(_ item: OutboxItem, bytes: Data) throws(DeliveryError) {
        guard let name = item.fileName else { return }
        let periodName = item.period.isEmpty ? "other" : item.period
        let folder = root.appendingPathComponent(periodName)
        let target = folder.appendingPathComponent(name)
        do {
            try makeFolder(root)
            try makeFolder(folder)
            if let existing = try existingFile(target) {
                if existing == bytes { return }
                if let revision = item.revision, revision > 1 {
                    let aside = folder.appendingPathComponent("superseded")
                    try makeFolder(aside)
                    let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
                    let moved = aside.appendingPathComponent("\(stem)_r\(revision - 1)" + (ext.isEmpty ? "" : ".\(ext)"))
                    if try existingFile(moved) == nil { try FileManager.default.moveItem(at: target, to: moved) }
                }
            }
            let temp = folder.appendingPathComponent(".\(name).kam-\(getpid()).tmp")
            try? FileManager.default.removeItem(at: temp)
            guard FileManager.default.createFile(atPath: temp.path, contents: nil, attributes: [.posixPermissions: 0o640]) else {
                throw DeliveryError("cannot create a file in \(folder.path): check that kam may write there (and the share is mounted)")
            }
            let handle = try FileHandle(forWritingTo: temp)
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            try handle.close()
            guard rename(temp.path, target.path) == 0 else {
                let why = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temp)
                throw DeliveryError("cannot put \(name) in \(folder.path): \(why)")
            }
        } catch let error as DeliveryError {
            throw error
        } catch {
            throw DeliveryError("cannot copy \(name) to the outbox \(folder.path): \(error.localizedDescription); "
                                + "check the folder exists, is writable and not full")
        }
    }

    /// The file's bytes if there is a regular file at `url`, nil if nothing; a link or folder is refused.
    private func existingFile(_ url: URL) throws(DeliveryError) -> Data? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DeliveryError("\(url.path) is not a regular file (a symbolic link or folder): kam does not write through it; remove it")
        }
        return FileManager.default.contents(atPath: url.path)
    }

    private func makeFolder(_ url: URL) throws(DeliveryError) {
        var info = stat()
        if lstat(url.path, &info) == 0 {
            // The configured outbox itself may be a link to a mounted share; anything kam makes inside may not.
            if url == root, info.st_mode & S_IFMT == S_IFLNK {
                var target = stat()
                if stat(url.path, &target) == 0, target.st_mode & S_IFMT == S_IFDIR { return }
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw DeliveryError("\(url.path) is not a folder (a file or symbolic link): kam does not write through it; "
                                    + "remove it or point outbox elsewhere")
            }
            return
        }
        guard mkdir(url.path, 0o750) == 0 || errno == EEXIST else {
            throw DeliveryError("cannot create the outbox folder \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}
