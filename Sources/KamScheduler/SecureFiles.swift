import Foundation

/// File-system steps that must be crash-safe and confidential: folders 0750, files 0640,
/// a workbook visible under its final name only once complete.
enum SecureFiles {
    static func makeFolder(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o750])
    }

    /// Writes via `produce(tempPath)`, fsyncs, then renames over `url`; the temporary file
    /// lives in the target folder so the rename is atomic, and is removed on failure.
    /// `beforeRename` runs once the new file is complete and synced, just before it takes
    /// the final name (a revision moves its predecessor aside there).
    static func publish(to url: URL, beforeRename: () throws -> Void = {}, produce: (String) throws -> Void) throws {
        try commit(try stage(for: url, produce: produce), to: url, beforeRename: beforeRename)
    }

    /// The first half of `publish`: the complete, synced, 0640 temporary file, not yet in
    /// place; removed on failure. A writer thread builds with it, the run commits in order.
    static func stage(for url: URL, produce: (String) throws -> Void) throws -> URL {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try produce(temp.path)
            try sync(temp.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: temp.path)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
        return temp
    }

    /// The second half: `beforeRename`, the rename over `url`, the folder's fsync; the
    /// temporary file is removed on failure.
    static func commit(_ temp: URL, to url: URL, beforeRename: () throws -> Void = {}) throws {
        do {
            try beforeRename()
            guard rename(temp.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            try sync(url.deletingLastPathComponent().path)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    /// Makes a complete file (on the same file system) visible as `url`: fsync, 0640, rename.
    static func adopt(_ file: URL, as url: URL) throws {
        try publish(to: url) { path in
            guard rename(file.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
    }

    /// Writes `data` the same way.
    static func publish(_ data: Data, to url: URL) throws {
        try publish(to: url) { path in try data.write(to: URL(fileURLWithPath: path)) }
    }

    /// Renames within one file system and makes both folders' entries durable.
    static func move(_ from: URL, to: URL) throws {
        try makeFolder(to.deletingLastPathComponent())
        guard rename(from.path, to.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to.path])
        }
        try sync(to.deletingLastPathComponent().path)
        try sync(from.deletingLastPathComponent().path)
    }

    /// Temporary files (`.<name>.<pid>.tmp`) left by a run that was killed mid-write. Called
    /// under the run lock, so none of them belongs to a live run.
    static func removeStaleTemporaries(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var removed: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix("."), name.hasSuffix(".tmp") else { continue }
            if (try? FileManager.default.removeItem(atPath: folder.appendingPathComponent(relative).path)) != nil {
                removed.append(relative)
            }
        }
        return removed
    }

    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
