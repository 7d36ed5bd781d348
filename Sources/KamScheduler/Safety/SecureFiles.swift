import CFileSystemSync
import Foundation
import KamIngest

/// A file-system step that failed, with the path and the system's reason (errno): "disk
/// full" and "permission denied" call for different fixes, so the reason is never dropped.
struct FileStepError: Error, CustomStringConvertible {
    let operation: String
    let path: String
    let code: Int32

    init(operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    var description: String { "cannot \(operation) \(path): \(String(cString: strerror(code)))" }
}

/// File-system steps that must be crash-safe and confidential: folders 0750, files 0640,
/// a workbook visible under its final name only once complete.
enum SecureFiles {
    /// Creates `url` and its missing parents, each 0750, with mkdir(2): FileManager's
    /// CocoaError dropped errno, and "No space left on device", "Permission denied" and "Not a
    /// directory" call for different fixes. An existing folder (or a link to one) is fine.
    static func makeFolder(_ url: URL) throws {
        let path = url.path
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw FileStepError(operation: "create folder", path: path, code: ENOTDIR) }
            return
        }
        let parent = url.deletingLastPathComponent()
        if parent.path != path { try makeFolder(parent) }
        guard mkdir(path, 0o750) == 0 else {
            let code = errno
            // Made meanwhile by another writer thread: as good as made here.
            if code == EEXIST, stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw FileStepError(operation: "create folder", path: path, code: code)
        }
        // mkdir's mode passes through the umask; the folder is 0750 whatever it is.
        guard chmod(path, 0o750) == 0 else { throw FileStepError(operation: "set permissions of", path: path) }
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
        guard let temp = try stage(for: url, producing: { path in try produce(path); return true }) else {
            throw FileStepError(operation: "write", path: url.path, code: ENOENT)  // not reached: this producer always writes
        }
        return temp
    }

    /// `stage`, for a producer that may find there is nothing to write (a rebuild that shows
    /// what the delivered revision shows) and returns false without creating the file: nil then.
    static func stage(for url: URL, producing produce: (String) throws -> Bool) throws -> URL? {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder)
        let temp = folder.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        do {
            guard try produce(temp.path) else { return nil }
            try sync(temp.path)
            guard chmod(temp.path, 0o640) == 0 else { throw FileStepError(operation: "set permissions of", path: temp.path) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
        return temp
    }

    /// `.<name>.<pid>.tmp`, or, when that would pass the file system's 255-byte limit (a drop
    /// file's receipt for a long name), `.<checksum of the name>.<pid>.tmp`.
    static func temporaryName(for name: String) -> String {
        let plain = ".\(name).\(getpid()).tmp"
        guard plain.utf8.count > 255 else { return plain }
        return ".\(SHA256.hex(Array(name.utf8)).prefix(16)).\(getpid()).tmp"
    }

    /// The second half: `beforeRename`, the rename over `url`, the folder's fsync; the
    /// temporary file is removed on failure.
    static func commit(_ temp: URL, to url: URL, beforeRename: () throws -> Void = {}) throws {
        do {
            try beforeRename()
            guard rename(temp.path, url.path) == 0 else { throw FileStepError(operation: "rename into place", path: url.path) }
            try sync(url.deletingLastPathComponent().path)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    /// Makes a complete file (on the same file system) visible as `url`: fsync, 0640, rename.
    static func adopt(_ file: URL, as url: URL) throws {
        try publish(to: url) { path in
            guard rename(file.path, path) == 0 else { throw FileStepError(operation: "rename into place", path: path) }
        }
    }

    /// Gives a file that is already complete and flushed to disk (a staged drop file its reader
    /// synced) its final name: 0640, then one rename, with no second name on the way as `adopt`
    /// takes. The new name is durable once the caller syncs `url`'s folder, which it does once
    /// for a batch of files before anything refers to them (`syncFileSystems`).
    static func adoptSynced(_ file: URL, as url: URL) throws {
        try makeFolder(url.deletingLastPathComponent())
        guard chmod(file.path, 0o640) == 0 else { throw FileStepError(operation: "set permissions of", path: file.path) }
        guard rename(file.path, url.path) == 0 else { throw FileStepError(operation: "rename into place", path: url.path) }
    }

    /// Everything written so far on the file systems holding `paths` (file contents, new
    /// names, removals) reaches the disk: syncfs(2) once per file system (by device), where an
    /// fsync per file and per folder cost a device flush each — on ext4 without a journal, as
    /// on the development machine, each fsync is its own flush, and they were most of a group
    /// ingest's storing thread (2,692 fsyncs for 890 drop files, `perf trace -s`; a batch's
    /// archive files alone land in up to one `archive/<2 hex>/` folder each). Throws the first
    /// failure, naming a path of the file system that could not be synced.
    static func syncFileSystems(of paths: [URL]) throws {
        if let failure = syncFileSystems(ofEach: paths).lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Writes `data` the same way.
    static func publish(_ data: Data, to url: URL) throws {
        try publish(to: url) { path in try write(data, toNew: path) }
    }

    /// Several files published together (a batch of receipts): each written to its temporary
    /// file first, then their file systems synced once (`syncFileSystems`), then each renamed
    /// into place, then synced once more for the new names. Each file is still complete and
    /// durable before it takes its name, for two device flushes a batch instead of two a file
    /// plus one a folder. One entry per file: nil, or why that file was not published (its
    /// temporary file removed, its previous version, if any, untouched).
    static func publishAll(_ files: [(data: Data, url: URL)]) -> [(any Error)?] {
        publishAll(producing: files.map { file in (file.url, { path in try write(file.data, toNew: path) }) })
    }

    /// `publishAll` for files a producer writes at a temporary path (a receipt's xlsx).
    static func publishAll(producing files: [(url: URL, produce: (String) throws -> Void)]) -> [(any Error)?] {
        var results: [(any Error)?] = Array(repeating: nil, count: files.count)
        var temps: [URL?] = Array(repeating: nil, count: files.count)
        for (i, file) in files.enumerated() {
            let folder = file.url.deletingLastPathComponent()
            let temp = folder.appendingPathComponent(temporaryName(for: file.url.lastPathComponent))
            do {
                try makeFolder(folder)
                try file.produce(temp.path)
                temps[i] = temp
            } catch {
                try? FileManager.default.removeItem(at: temp)
                results[i] = error
            }
        }
        // Contents first: a file that cannot be made durable does not take its name.
        let contents = syncFileSystems(ofEach: temps.map { $0?.deletingLastPathComponent() })
        for (i, temp) in temps.enumerated() {
            guard let temp else { continue }
            do {
                if let error = contents[i] { throw error }
                guard chmod(temp.path, 0o640) == 0 else { throw FileStepError(operation: "set permissions of", path: temp.path) }
                guard rename(temp.path, files[i].url.path) == 0 else {
                    throw FileStepError(operation: "rename into place", path: files[i].url.path)
                }
            } catch {
                try? FileManager.default.removeItem(at: temp)
                temps[i] = nil
                results[i] = error
            }
        }
        let names = syncFileSystems(ofEach: temps.indices.map { temps[$0] == nil ? nil : files[$0].url.deletingLastPathComponent() })
        for i in temps.indices where temps[i] != nil { if let error = names[i] { results[i] = error } }
        return results
    }

    /// For each path given (nil: nothing to sync), the error of syncing its file system, or
    /// nil: one syncfs per file system, however many paths are on it.
    private static func syncFileSystems(ofEach paths: [URL?]) -> [(any Error)?] {
        var byDevice: [UInt64: (any Error)?] = [:]
        return paths.map { path -> (any Error)? in
            guard let path else { return nil }
            var st = stat()
            guard stat(path.path, &st) == 0 else { return FileStepError(operation: "look at", path: path.path) }
            if let known = byDevice[UInt64(st.st_dev)] { return known }
            let fd = open(path.path, O_RDONLY | O_CLOEXEC)
            let failure: (any Error)?
            if fd < 0 {
                failure = FileStepError(operation: "open", path: path.path)
            } else {
                failure = kam_syncfs(fd) == 0 ? nil : FileStepError(operation: "flush to disk", path: path.path)
                close(fd)
            }
            byDevice[UInt64(st.st_dev)] = .some(failure)
            return failure
        }
    }

    /// Creates `path` (0600, never through a link) holding `data`. Written with write(2), not
    /// Data.write: Foundation's error for a full disk says "There isn't enough space" and drops
    /// errno; an operator needs the system's words and the path.
    static func write(_ data: Data, toNew path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileStepError(operation: "create", path: path) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileStepError(operation: "write", path: path)
                }
                done += n
            }
        }
    }

    /// Renames within one file system and makes both folders' entries durable.
    static func move(_ from: URL, to: URL) throws {
        try makeFolder(to.deletingLastPathComponent())
        guard rename(from.path, to.path) == 0 else { throw FileStepError(operation: "move", path: to.path) }
        try sync(to.deletingLastPathComponent().path)
        try sync(from.deletingLastPathComponent().path)
    }

    /// Temporary files (`.<name>.<pid>.tmp`, and names starting with `alsoPrefixed`) left by a
    /// run that was killed mid-write. Called under the run lock, so none of them belongs to a
    /// live run. Symbolic links are never followed into.
    static func removeStaleTemporaries(under folder: URL, alsoPrefixed prefix: String? = nil, recursive: Bool = true) -> [String] {
        guard isRealFolder(folder) else { return [] }
        var removed: [String] = []
        walk(folder.path, relative: "", recursive: recursive) { relative, name in
            let stale = (name.hasPrefix(".") && name.hasSuffix(".tmp")) || (prefix.map { name.hasPrefix($0) } ?? false)
            if stale, unlink(folder.path + "/" + relative) == 0 { removed.append(relative) }
        }
        return removed.sorted()
    }

    /// Every entry under `path` (relative path and name), descending into real folders only,
    /// never into a symbolic link. readdir(3) rather than `FileManager.enumerator`: this walk
    /// runs before every run over reports/ and the whole archive, and the enumerator's
    /// per-entry objects were 12% of a run with nothing new (BENCHMARKS.md, 2026-12-04 night).
    private static func walk(_ path: String, relative: String, recursive: Bool, _ visit: (String, String) -> Void) {
        guard let dir = opendir(path) else { return }
        var folders: [(String, String)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let entryRelative = relative.isEmpty ? name : relative + "/" + name
            visit(entryRelative, name)
            guard recursive else { continue }
            let isFolder: Bool
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var st = stat()
                isFolder = lstat(path + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            } else {
                isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            }
            if isFolder { folders.append((path + "/" + name, entryRelative)) }
        }
        closedir(dir)
        for (folderPath, folderRelative) in folders { walk(folderPath, relative: folderRelative, recursive: true, visit) }
    }

    /// `true` for a folder that is not a symbolic link (lstat): kam writes only into those.
    static func isRealFolder(_ url: URL) -> Bool {
        var st = stat()
        return lstat(url.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileStepError(operation: "open", path: path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileStepError(operation: "flush to disk", path: path) }
    }
}
