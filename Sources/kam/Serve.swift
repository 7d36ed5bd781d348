import ArgumentParser
import Foundation
import Hummingbird
import KamConfig
import KamPolicy
import KamPortal
import KamScheduler
import Logging
import ServiceLifecycle

extension Kam {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the web portal (SPEC §10) behind a reverse proxy; it shares the store with `kam run` and `kam daemon`.")

        @Option(name: .long, help: "The config file (SPEC §7).")
        var config = "config/kam.yaml"

        @Option(help: "host:port to listen on (default: portal.listen from the config, 127.0.0.1:8080).")
        var listen: String?

        @Option(name: .customLong("as-of"),
                help: "Serve as of this fixed time, YYYY-MM-DDTHH:MM in the configured time zone (demos and tests; default: now).")
        var asOf: String?

        @Flag(name: .shortAndLong, help: "Log every request (info level) to stderr.")
        var verbose = false

        func run() async throws {
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            var logger = Logger(label: "kam.serve")
            logger.logLevel = verbose ? .info : .notice
            let loaded = try loadConfigOrExit(path: config)
            let text = listen ?? loaded.portal.listen
            guard let (host, port) = PortalSettings.address(text) else {
                throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:8080, got `\(text)`")
            }
            let engine = ReportingEngine(config: loaded, clock: ZonedClock(timeZone: loaded.timeZone, now: 0), logger: logger)
            let store = try refusingPolitely { try engine.openStore() }
            var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
            if let asOf {
                guard let local = LocalDateTime(parsing: asOf), let fixed = try? ZonedClock(timeZone: loaded.timeZone, asOf: local) else {
                    throw ValidationError("--as-of must be YYYY-MM-DDTHH:MM (e.g. 2026-11-10T10:00), got `\(asOf)`")
                }
                now = { fixed.now }
            }
            let portal = try Portal(config: loaded, store: store, now: now)
            let app = buildPortalApplication(portal, host: host, port: port, logger: logger)
            logger.notice("kam serve: listening on http://\(host):\(port)")
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        }
    }
}
