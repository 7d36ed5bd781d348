import ArgumentParser
import Foundation
import Hummingbird
import KamConfig
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
            let portal = try Portal(config: loaded, store: store)
            let app = buildPortalApplication(portal, host: host, port: port, logger: logger)
            logger.notice("kam serve: listening on http://\(host):\(port)")
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        }
    }
}
