extension ConfigReader {
    /// `portal: {listen, secure_cookies, max_upload_mb, session_hours}` (SPEC §10).
    func readPortal(_ n: ConfigNode) throws(ConfigError) -> PortalSettings {
        let m = try n.mapping(allowed: ["listen", "secure_cookies", "max_upload_mb", "session_hours"])
        var p = PortalSettings()
        if let v = m["listen"] {
            let text = try v.string().trimmingCharacters(in: .whitespaces)
            guard PortalSettings.address(text) != nil else {
                throw v.error("`\(text)` is not host:port; write e.g. \"127.0.0.1:8080\" (quoted) and let the reverse proxy face the network")
            }
            p.listen = text
        }
        if let v = m["secure_cookies"] { p.secureCookies = try v.bool() }
        if let v = m["max_upload_mb"] { p.maxUploadMB = try v.int(in: 1...4096) }
        if let v = m["session_hours"] { p.sessionHours = try v.int(in: 1...168) }
        return p
    }
}
