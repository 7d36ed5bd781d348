import Foundation

/// One entry of a subsidiary's drop folder, named by the bytes the file system holds.
///
/// Foundation's directory listing turns names into Swift Strings, and a name that is not
/// UTF-8 (what Chinese Windows tools write: GBK/GB18030 bytes) either vanishes from it or can
/// no longer be opened, so such a file got no receipt, no log line and no status entry. kam
/// lists with `readdir`, keeps the raw bytes for every file-system call, and decodes the name
/// for everything a person reads: UTF-8, else GB18030 (SPEC §8); a name valid in neither keeps
/// a lossy form (U+FFFD) and is refused with a receipt.
struct DropEntry: Sendable, Equatable {
    enum NameEncoding: String, Sendable { case utf8, gb18030, undecodable }

    let subsidiary: String
    let folder: URL
    let rawName: [UInt8]
    /// The name as a person reads it (receipts, logs, the store).
    let name: String
    let nameEncoding: NameEncoding

    /// `HG01/sales_2026-09.csv`, for logs and run output.
    var displayPath: String { "\(subsidiary)/\(name)" }

    /// The NUL-terminated path for system calls, built from the raw name.
    var cPath: [CChar] {
        var bytes = Array(folder.path.utf8)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: rawName)
        bytes.append(0)
        return bytes.map { CChar(bitPattern: $0) }
    }

    init(subsidiary: String, folder: URL, rawName: [UInt8]) {
        self.subsidiary = subsidiary
        self.folder = folder
        self.rawName = rawName
        if let utf8 = String(validating: rawName, as: UTF8.self) {
            name = utf8
            nameEncoding = .utf8
        } else if let gb = Self.gb18030(rawName) {
            name = gb
            nameEncoding = .gb18030
        } else {
            name = String(decoding: rawName, as: UTF8.self)
            nameEncoding = .undecodable
        }
    }

    /// Foundation's GB18030 (PITFALLS: the CF encoding 0x80000632); nil when the bytes are not
    /// GB18030, or decode to control characters (a name is never that).
    static func gb18030(_ bytes: [UInt8]) -> String? {
        guard let s = String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0632)),
              !s.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{FFFD}" }) else { return nil }
        return s
    }

    /// Every entry directly in `folder` except `.` and `..`, in byte order of their names.
    /// Throws the system's reason when the folder cannot be listed (permissions, I/O).
    static func list(_ folder: URL, subsidiary: String) throws -> [DropEntry] {
        guard let dir = opendir(folder.path) else { throw DropProblem.Cause.system(operation: "list", errno) }
        defer { closedir(dir) }
        var entries: [DropEntry] = []
        while true {
            errno = 0
            guard let item = readdir(dir) else {
                if errno != 0 { throw DropProblem.Cause.system(operation: "list", errno) }
                break
            }
            let raw: [UInt8] = withUnsafeBytes(of: item.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            if raw == [0x2E] || raw == [0x2E, 0x2E] { continue }
            entries.append(DropEntry(subsidiary: subsidiary, folder: folder, rawName: raw))
        }
        return entries.sorted { $0.rawName.lexicographicallyPrecedes($1.rawName) }
    }

    /// `lstat` of the entry itself (a link is not followed); nil when it is gone.
    func status() -> stat? {
        var st = stat()
        return cPath.withUnsafeBufferPointer { lstat($0.baseAddress!, &st) } == 0 ? st : nil
    }

    /// Removes the entry (an accepted file, once its commit and receipt are done).
    func remove() throws {
        guard cPath.withUnsafeBufferPointer({ unlink($0.baseAddress!) }) == 0 else {
            throw DropProblem.Cause.system(operation: "remove", errno)
        }
    }

    /// Copies the file's bytes to `target` (created 0600, never through a link), returning the
    /// entry's status as it was when opened. The copy is what kam reads, sums and archives.
    func copy(to target: URL) throws -> stat {
        var none: [UInt8] = []
        return try copy(to: target, keepingUpTo: -1, in: &none).status
    }

    /// `copy(to:)`, also leaving the bytes copied in `kept` when the file has at most `limit`
    /// of them: the caller then hashes and parses those very bytes instead of reading the
    /// copy twice more (`DropIngestor.prepare`). They are read into `kept` and written from
    /// it, a MiB at a time as before, so the copy and `kept` are the same bytes whatever
    /// happens to the drop file meanwhile. A file that has grown past its size at `open` is
    /// copied to its end as before, and `kept` is left empty (the caller reads the copy).
    /// `kept`'s storage is reused (`ReadBuffers`).
    func copy(to target: URL, keepingUpTo limit: Int, in kept: inout [UInt8]) throws -> (status: stat, kept: Bool) {
        let source = cPath.withUnsafeBufferPointer { open($0.baseAddress!, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard source >= 0 else { throw DropProblem.Cause.system(operation: "open", errno) }
        defer { close(source) }
        var st = stat()
        guard fstat(source, &st) == 0 else { throw DropProblem.Cause.system(operation: "open", errno) }
        let sink = open(target.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard sink >= 0 else { throw DropProblem.Cause.system(operation: "stage a copy of", errno) }
        var done = false
        defer {
            close(sink)
            if !done { unlink(target.path) }
        }
        let chunk = 1 << 20
        let size = Int(st.st_size)
        kept.removeAll(keepingCapacity: true)
        var whole = false
        if size <= limit {
            // One byte more than the size: a read that fills it means the file grew.
            kept.append(contentsOf: repeatElement(0, count: size + 1))
            var count = 0
            defer { kept.removeLast(kept.count - (whole ? count : 0)) }
            try kept.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                while count < buffer.count {
                    let n = try Self.readSome(source, into: base + count, max: min(chunk, buffer.count - count))
                    if n == 0 { whole = true; return }
                    try Self.writeAll(sink, from: base + count, count: n)
                    count += n
                }
            }
        }
        if !whole { try Self.copyRest(source, to: sink, chunk: chunk) }
        done = true
        return (st, whole)
    }

    private static func copyRest(_ source: Int32, to sink: Int32, chunk: Int) throws {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try readSome(source, into: buffer, max: chunk)
            if n == 0 { return }
            try writeAll(sink, from: buffer, count: n)
        }
    }

    private static func readSome(_ source: Int32, into buffer: UnsafeMutableRawPointer, max: Int) throws -> Int {
        while true {
            let n = read(source, buffer, max)
            if n >= 0 { return n }
            if errno != EINTR { throw DropProblem.Cause.system(operation: "read", errno) }
        }
    }

    private static func writeAll(_ sink: Int32, from buffer: UnsafeRawPointer, count n: Int) throws {
        var written = 0
        while written < n {
            let w = write(sink, buffer + written, n - written)
            if w < 0 {
                if errno == EINTR { continue }
                throw DropProblem.Cause.system(operation: "stage a copy of", errno)
            }
            written += w
        }
    }
}
