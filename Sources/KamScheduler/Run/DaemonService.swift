import Foundation
import KamConfig
import KamPolicy
import KamStore
import Logging
import ServiceLifecycle

/// `kam daemon`: the same engine as `kam run`, woken at the next job instance's fire time or
/// when the drop folders change. On SIGTERM/SIGINT it finishes the workbook in hand (the
/// engine checks between workbooks), records the run and exits 0; whatever is left is due at
/// the next start. The config is re-read every cycle, so an edit needs no restart; a bad edit
/// is logged and the previous config kept.
public struct DaemonService: Service {
    let configPath: String
    /// How often the drop folders are looked at between fire times.
    let pollSeconds: Double
    let lockWait: Double
    let logger: Logger

    public init(configPath: String, pollSeconds: Double, lockWait: Double, logger: Logger) {
        self.configPath = configPath
        self.pollSeconds = pollSeconds
        self.lockWait = lockWait
        self.logger = logger
    }

    public func run() async throws {
        var config = try KamConfiguration.load(path: configPath)
        var lastDrop: DropFolderSignature?
        var nextFire: Int64 = 0
        logger.info("daemon started", metadata: ["config": "\(configPath)", "poll.seconds": "\(pollSeconds)"])
        while !Task.isShuttingDownGracefully {
            do {
                config = try KamConfiguration.load(path: configPath)
            } catch {
                logger.error("config not reloaded, keeping the previous one", metadata: ["error": "\(error)"])
            }
            let clock = ZonedClock(timeZone: config.timeZone, now: Int64(Date().timeIntervalSince1970))
            let drop = DropFolderSignature(dropFolder: config.dropFolder)
            if drop != lastDrop || clock.now >= nextFire {
                let outboxDue = try cycle(config: config, clock: clock)
                // What this cycle saw, not what is there after it: a file dropped during the run
                // (after its ingest step) must still wake the next cycle. The files the run
                // itself removed also differ, which costs one cycle that finds nothing new.
                lastDrop = drop
                do {
                    nextFire = try Self.nextFireTime(after: clock, config: config)
                } catch {
                    // No instant for the next fire time: said, and looked at again in an hour (a new
                    // drop file still wakes a cycle sooner) rather than taken as 1970, which ran a
                    // cycle at every poll without a word.
                    logger.error("next fire time unknown; looking again in an hour", metadata: ["error": "\(error)"])
                    nextFire = clock.now + 3_600
                }
                // A message waiting for its retry wakes the daemon at its time (SPEC §9).
                if let due = outboxDue, due > clock.now { nextFire = min(nextFire, due) }
                logger.info("sleeping", metadata: ["next.fire": "\(clock.display(nextFire))"])
            }
            let seconds = max(0.05, min(pollSeconds, Double(nextFire - clock.now)))
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(nanoseconds: UInt64(seconds * 1e9)) }
            } catch {
                break
            }
        }
        logger.info("daemon stopped")
    }

    /// One run. Its errors are logged and the next wake-up tries again — except a damaged store,
    /// or one that does not know what `reports/` holds (SPEC §8), which no retry mends: the
    /// daemon stops (non-zero, the restore steps in the journal) rather than log the same
    /// failure every poll while nothing is delivered.
    /// Returns when the earliest unsent message is due again, if any.
    private func cycle(config: KamConfiguration, clock: ZonedClock) throws -> Int64? {
        let engine = ReportingEngine(config: config, clock: clock, logger: logger)
        do {
            let summary = try engine.run(wait: lockWait, shouldStop: { Task.isShuttingDownGracefully })
            logger.notice("run finished", metadata: [
                "accepted": "\(summary.acceptedFiles.count)", "rejected": "\(summary.rejectedFiles.count)",
                "delivered": "\(summary.delivered.count)", "failed": "\(summary.failed.count)",
                "messages.sent": "\(summary.outbox?.sent ?? 0)", "messages.failed": "\(summary.outbox?.failed ?? 0)",
            ])
            return summary.nextOutboxTry
        } catch let refusal as DeliveredWorkGuard.Refusal {
            logger.critical("refusing to run", metadata: ["reason": "\(refusal)"])
            throw refusal
        } catch let held as RunLock.Held {
            logger.warning("another run holds the lock; trying again at the next wake-up", metadata: ["holder.pid": "\(held.pid)"])
        } catch let damaged as KamStore.Damaged {
            logger.critical("the store is damaged; the daemon stops", metadata: ["error": "\(damaged)"])
            throw damaged
        } catch {
            logger.error("run failed; trying again at the next wake-up", metadata: ["error": "\(error)"])
        }
        return nil
    }

    /// The next instant a job instance fires, after `clock.now`.
    static func nextFireTime(after clock: ZonedClock, config: KamConfiguration) throws(UnrepresentableTime) -> Int64 {
        let now = clock.localNow
        let upcoming = config.calendar.instances(firingFrom: now.date.yearMonth, through: now.date.yearMonth.adding(months: 4))
        var next = clock.now + 86_400
        if let first = upcoming.first(where: { $0.fireTime > now }) { next = try clock.instant(of: first.fireTime) }
        // With recipients, the reminder thresholds `remind_days` before each fire time wake it too.
        if !config.recipients.isEmpty {
            for instance in upcoming {
                for days in config.delivery.remindDays {
                    let at = try clock.instant(of: instance.fireTime) - Int64(days) * 86_400
                    if at > clock.now && at < next { next = at }
                }
            }
        }
        return next
    }
}
