import Foundation
import KamIngest
import KamPolicy
import Yams

/// The validated config file (SPEC §7). Everything kam does is decided by this value and the
/// clock it is given; a bad file is refused before any work starts.
public struct KamConfiguration: Sendable {
    /// The config file itself; relative paths are resolved against its folder.
    public let file: URL
    public var timeZoneIdentifier = "Asia/Shanghai"
    public var runAt = TimeOfDay.defaultRunAt
    public var since = YearMonth(year: 2025, month: 1)
    public var dropFolder: URL
    public var reportsFolder: URL
    public var dataFolder: URL
    public var organisation = Organisation(lines: [], subsidiaries: [])
    /// Per subsidiary code.
    public var readSettings: [String: ReadSettings] = [:]
    public var calendarDays: [JobKind: Int] = [:]
    public var policy = PolicySettings()
    public var workdays = WorkdayCalendar()
    /// SHA-256 of the file's text: figures computed under one config are only reused under the same one.
    public var fingerprint = ""
    /// Who gets what (SPEC §9); empty: nothing is sent.
    public var recipients: [Recipient] = []
    public var delivery = DeliverySettings()
    /// The web portal behind `kam serve` (SPEC §10).
    public var portal = PortalSettings()

    /// The configured zone; the identifier was validated when the file was read.
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone.current }

    /// The policy calendar this config describes.
    public var calendar: PolicyCalendar {
        PolicyCalendar(organisation: organisation, days: calendarDays, runAt: runAt, since: since, workdays: workdays)
    }

    public func readSettings(for subsidiary: String) -> ReadSettings { readSettings[subsidiary] ?? ReadSettings() }

    /// Reads and validates the file at `path`.
    public static func load(path: String) throws(ConfigError) -> KamConfiguration {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, line: nil, key: "", message: "cannot read the config file: \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: url)
    }

    /// Validates YAML text as if it were the file at `file`.
    public static func parse(yaml: String, file: URL) throws(ConfigError) -> KamConfiguration {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigError(file: file.path, line: nil, key: "", message: "not valid YAML: \(error)")
        }
        guard let node else { throw ConfigError(file: file.path, line: nil, key: "", message: "the file is empty") }
        var config = try ConfigReader(file: file).read(ConfigNode(node: node, key: "", file: file.path))
        config.fingerprint = SHA256.hex(Array(yaml.utf8))
        return config
    }
}
