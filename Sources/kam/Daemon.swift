import ArgumentParser
import Foundation
import KamScheduler
import Logging
import ServiceLifecycle

extension Kam {
    struct Daemon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stay running: do what `kam run` does at every fire time and whenever a file is dropped; stop on SIGTERM/SIGINT.")

        @Option(name: .long, help: "The config file (SPEC §7).")
        var config = "config/kam.yaml"

        @Option(help: "Seconds between looks at the drop folders.")
        var poll: Double = 30

        @Option(help: "Seconds to wait for a run started by cron to finish before trying again later.")
        var wait: Double = 5

        @Flag(name: .shortAndLong, help: "Log every step (info level) to stderr.")
        var verbose = false

        func run() async throws {
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            var logger = Logger(label: "kam.daemon")
            logger.logLevel = verbose ? .info : .notice
            // Refuse a bad config at start, with the file, key and reason (exit 2), as `kam run` does.
            _ = try loadConfigOrExit(path: config)
            let service = DaemonService(configPath: config, pollSeconds: poll, lockWait: wait, logger: logger)
            let group = ServiceGroup(configuration: .init(
                services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}
