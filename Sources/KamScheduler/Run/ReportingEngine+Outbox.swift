import Foundation
import KamConfig
import KamDelivery
import KamStore

/// Delivery to people (SPEC §9), after a run's workbooks are committed. Nothing here can fail
/// or undo a delivery: an error is logged and put in the summary, and what was not sent stays
/// in the outbox ledger for the next run or the daemon.
extension ReportingEngine {
    /// Queues what the run produced and sends whatever is due (this run's items and retries).
    func sendMessages(store: KamStore, summary: inout RunSummary) {
        guard !config.recipients.isEmpty else { return }
        do {
            try OutboxPlanner(config: config, clock: clock).queue(store, summary: summary)
            summary.outbox = try dispatcher(store).sendDue()
        } catch {
            summary.outboxProblem = "\(error)"
            logger.error("queueing or sending messages failed; the next run tries again", metadata: ["error": "\(error)"])
        }
        summary.nextOutboxTry = try? store.nextOutboxTry()
    }

    func dispatcher(_ store: KamStore) -> OutboxDispatcher {
        var dispatcher = OutboxDispatcher(recipients: config.recipients, settings: config.delivery, store: store, now: clock.now,
                                          timeZone: config.timeZone, logger: logger)
        dispatcher.reached = { FaultHook.reached($0) }
        return dispatcher
    }

    /// `kam resend --recipient NAME [--period P]`: queues again every item of the recipient
    /// (of P), sent or not, and sends it now, under the run lock so a run does not send it too.
    public func resend(recipient: String, period: String?, wait: Double = 0) throws -> (requeued: Int, report: OutboxDispatcher.Report) {
        guard config.recipients.contains(where: { $0.name == recipient }) else {
            throw UnknownRecipient(name: recipient, known: config.recipients.map(\.name), configFile: config.file.path)
        }
        try SecureFiles.makeFolder(config.dataFolder)
        let lock = try RunLock(path: config.dataFolder.appendingPathComponent("kam.lock").path, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        let store = try RunWorkspace(config: config, logger: logger).openStore()
        let requeued = try store.requeueOutbox(recipient: recipient, period: period, now: clock.now)
        return (requeued, try dispatcher(store).sendDue())
    }

    /// `kam resend` named a recipient the config does not have.
    public struct UnknownRecipient: Error, CustomStringConvertible {
        public let name: String
        public let known: [String]
        public let configFile: String
        public var description: String {
            "no recipient named `\(name)` in \(configFile); recipients are: "
                + (known.isEmpty ? "none (add `recipients` to the config)" : known.joined(separator: ", "))
        }
    }
}
