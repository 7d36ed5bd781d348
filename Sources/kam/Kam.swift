import ArgumentParser
import Foundation
import KamConfig
import KamPolicy
import KamScheduler
import Logging

/// `kam`: the key-account reporting pipeline's command line. Commands only parse options,
/// build the engine from config and run it.
@main
struct Kam: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kam",
        abstract: "Key-account (大客户) reporting: ingest subsidiaries' CSV drops and deliver the policy's workbooks on time.",
        subcommands: [Run.self, Ingest.self, Validate.self, Report.self, Status.self, Schedule.self, Daemon.self, Backup.self, Demo.self, Outbox.self, Resend.self, Serve.self, User.self])
}

/// Options every command that works on a workspace takes.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The config file (SPEC §7).")
    var config = "config/kam.yaml"

    @Option(name: .customLong("as-of"),
            help: "The time to act as of, YYYY-MM-DDTHH:MM in the configured time zone (default: now).")
    var asOf: String?

    @Flag(name: .shortAndLong, help: "Log progress to stderr.")
    var verbose = false

    /// Loads config, or exits with `ExitCodes.badConfig` and the config error on stderr.
    func loadConfig() throws -> KamConfiguration { try loadConfigOrExit(path: config) }

    func clock(for config: KamConfiguration) throws -> ZonedClock {
        guard let asOf else {
            return ZonedClock(timeZone: config.timeZone, now: Int64(Date().timeIntervalSince1970))
        }
        guard let local = LocalDateTime(parsing: asOf) else {
            throw ValidationError("--as-of must be YYYY-MM-DDTHH:MM (e.g. 2026-10-06T07:00), got `\(asOf)`")
        }
        do {
            return try ZonedClock(timeZone: config.timeZone, asOf: local)
        } catch {
            throw ValidationError("--as-of `\(asOf)`: \(error)")
        }
    }

    func logger() -> Logger {
        var logger = Logger(label: "kam")
        logger.logLevel = verbose ? .info : .warning
        return logger
    }
}

/// Loads config, or exits with `ExitCodes.badConfig` and the config error on stderr.
func loadConfigOrExit(path: String) throws -> KamConfiguration {
    do {
        return try KamConfiguration.load(path: path)
    } catch {
        FileHandle.standardError.write(Data("kam: bad config: \(error)\n".utf8))
        throw ExitCode(ExitCodes.badConfig)
    }
}

/// The process exit codes scripts and cron can rely on.
enum ExitCodes {
    static let jobFailed: Int32 = 1
    static let badConfig: Int32 = 2
    static let lockHeld: Int32 = 3
    /// `kam report` for an instance that is not due yet (or before `since`): nothing was built.
    static let notDue: Int32 = 4
    /// The store does not know what `reports/` holds (missing, empty, another data folder):
    /// nothing was changed (SPEC §8).
    static let storeMismatch: Int32 = 5
}

/// Runs a command's work, turning the refusals every workspace command shares into a message
/// on stderr and their exit code: another run holds the lock (3), the store does not know
/// what `reports/` holds (5).
func refusingPolitely<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let held as RunLock.Held {
        FileHandle.standardError.write(Data("kam: \(held)\n".utf8))
        throw ExitCode(ExitCodes.lockHeld)
    } catch let refusal as DeliveredWorkGuard.Refusal {
        FileHandle.standardError.write(Data("kam: \(refusal)\n".utf8))
        throw ExitCode(ExitCodes.storeMismatch)
    }
}
