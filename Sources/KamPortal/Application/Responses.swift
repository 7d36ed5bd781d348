import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The few kinds of answer the portal gives.
extension Portal {
    func html(_ template: String, title: String, data: [String: Any], caller: Caller?, status: HTTPResponse.Status = .ok,
              headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        headers.append(contentsOf: extra)
        let text = pages.render(template, title: title, data: data, caller: caller)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The one answer for anything that does not exist *or* is outside the caller's scope:
    /// the two must be indistinguishable (SPEC §10).
    func notFound(_ caller: Caller?, json: Bool = false) -> Response {
        if json { return Self.json(["error": "not found"], status: .notFound) }
        return html("notFound", title: "未找到", data: [:], caller: caller, status: .notFound)
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        for c in cookies { headers.append(HTTPField(name: .setCookie, value: c)) }
        return Response(status: .seeOther, headers: headers)
    }

    /// Not logged in: a browser goes to the login page, a script gets 401.
    static func unauthenticated(_ request: Request) -> Response {
        if wantsJSON(request) || request.headers[.authorization] != nil {
            return json(["error": "authentication required: log in, or send Authorization: Bearer <token> from `kam user token`"],
                        status: .unauthorized)
        }
        return redirect("/login")
    }

    static func wantsJSON(_ request: Request) -> Bool {
        (request.headers[.accept] ?? "").contains("application/json") || request.uri.path.hasPrefix("/api/")
    }

    /// A file the ledger knows, sent as an attachment under its own name.
    static func download(_ bytes: Data, name: String, contentType: String) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? "download"
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store"]
        headers[HTTPField.Name("Content-Disposition")!] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A regular file's bytes, never through a symbolic link.
    static func readRegularFile(_ url: URL) -> Data? {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return try? handle.readToEnd() ?? Data()
    }

    /// Fields of an `application/x-www-form-urlencoded` body (at most 64 KiB).
    static func form(_ request: Request) async throws -> [String: String] {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        return formFields(String(buffer: buffer))
    }

    static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
            if fields[key] == nil { fields[key] = value }
        }
        return fields
    }

    /// The client's address for the access record: the proxy's `X-Real-IP` when the request came
    /// from the proxy on this host, else the peer.
    static func address(_ request: Request, _ context: PortalContext) -> String {
        if context.peer == "127.0.0.1" || context.peer == "::1", let real = request.headers[HTTPField.Name("X-Real-IP")!],
           !real.isEmpty, real.count < 64 {
            return real
        }
        return context.peer
    }
}
