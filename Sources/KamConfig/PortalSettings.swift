/// The portal's settings (config `portal`, SPEC §10). The defaults suit a portal behind a
/// reverse proxy on the same host: it listens on loopback only.
public struct PortalSettings: Sendable, Equatable {
    /// `host:port` to listen on.
    public var listen = "127.0.0.1:8080"
    /// Marks the session cookie `Secure`: set it when the proxy in front terminates TLS, so a
    /// browser never sends the cookie over plain HTTP.
    public var secureCookies = false
    /// Uploads above this many MiB are refused before they are read whole.
    public var maxUploadMB = 200
    /// A session left idle this long is over; the user logs in again.
    public var sessionHours = 8

    public init() {}

    /// The host and port of `listen`, checked when the config is read.
    public var address: (host: String, port: Int)? { Self.address(listen) }

    public static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else { return nil }
        return (host, port)
    }
}
