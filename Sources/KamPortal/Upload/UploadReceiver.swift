import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` upload as it arrives: the `file` part goes straight to a
/// temporary file in the subsidiary's drop folder, under a name the ingest never reads
/// (`.portal-upload-….part`: a dot-file, not `.csv`), and the small fields are kept. The body is
/// counted as it comes, so an upload above `portal.max_upload_mb` is refused without ever being
/// held whole, in memory or on disk.
final class UploadReceiver {
    enum Failure: Error, Equatable {
        case tooLarge
        case notMultipart
        case malformed
        case noFile
        case write(Int32)
    }

    let temp: URL
    private(set) var fields: [String: String] = [:]
    private(set) var fileName: String?
    private(set) var fileBytes = 0
    private var fd: Int32 = -1
    private var part: (name: String, fileName: String?)?
    private var fieldBytes: [UInt8] = []
    private var writeError: Int32?
    private var partHeaders: [(String, String)] = []

    init(folder: URL) {
        temp = folder.appendingPathComponent(".portal-upload-\(Secret.make().prefix(16)).part")
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The boundary of a `multipart/form-data` content type, or nil.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for param in contentType.split(separator: ";").dropFirst() {
            let p = param.trimmingCharacters(in: .whitespaces)
            guard p.lowercased().hasPrefix("boundary=") else { continue }
            var b = String(p.dropFirst("boundary=".count))
            if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
            return b.isEmpty || b.utf8.count > 200 ? nil : b
        }
        return nil
    }

    /// Streams `body` through the parser; throws `tooLarge` as soon as more than `limit` bytes came.
    func receive(_ body: RequestBody, boundary: String, limit: Int) async throws {
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { [unowned self] name, value in partHeaders.append((name, value)) }
        parser.onBody = { [unowned self] buffer in append(&buffer) }
        parser.onPartComplete = { [unowned self] in completePart() }
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            guard total <= limit else { throw Failure.tooLarge }
            do { try parser.execute(chunk) } catch { throw Failure.malformed }
            if let e = writeError { throw Failure.write(e) }
        }
        guard fileName != nil else { throw Failure.noFile }
        guard fd < 0 || fsync(fd) == 0 else { throw Failure.write(errno) }
        if fd >= 0 { close(fd); fd = -1 }
    }

    private func startPartIfNeeded() {
        guard part == nil else { return }
        var name = "", file: String?
        for (h, v) in partHeaders where h.lowercased() == "content-disposition" {
            name = Self.parameter("name", in: v) ?? ""
            file = Self.parameter("filename", in: v)
        }
        part = (name, file)
        if name == "file", let file {
            fileName = file
            fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd < 0 { writeError = errno }
        }
    }

    private func append(_ buffer: inout ByteBuffer) {
        startPartIfNeeded()
        guard let part else { return }
        if part.name == "file", part.fileName != nil {
            guard fd >= 0 else { return }
            let n = buffer.readableBytes
            fileBytes += n
            buffer.withUnsafeReadableBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let w = write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if w < 0 { if errno == EINTR { continue }; writeError = errno; return }
                    offset += w
                }
            }
        } else if fieldBytes.count < 1024 {
            fieldBytes += buffer.readableBytesView.prefix(1024 - fieldBytes.count)
        }
    }

    private func completePart() {
        startPartIfNeeded()
        if let part, part.name != "file" || part.fileName == nil, !part.name.isEmpty, fields[part.name] == nil {
            fields[part.name] = String(decoding: fieldBytes, as: UTF8.self)
        }
        part = nil
        partHeaders = []
        fieldBytes = []
    }

    /// `name="x"` in a Content-Disposition value (quoted, with `\"` escapes), or RFC 5987 `name*=UTF-8''…`.
    static func parameter(_ key: String, in value: String) -> String? {
        var result: String?
        for raw in value.split(separator: ";").dropFirst() {
            let p = raw.trimmingCharacters(in: .whitespaces)
            if p.lowercased().hasPrefix(key + "*=") {
                let v = p.dropFirst(key.count + 2)
                if let cut = v.range(of: "''") { return String(v[cut.upperBound...]).removingPercentEncoding }
            }
            guard p.lowercased().hasPrefix(key + "=") else { continue }
            var v = String(p.dropFirst(key.count + 1))
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"") }
            result = v
        }
        return result
    }

    /// Removes the temporary file (a rejected, refused or already placed upload).
    func discard() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temp.path)
    }
}
