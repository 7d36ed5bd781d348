import ArgumentParser
import Foundation
import KamDelivery
import KamScheduler
import KamStore

extension Kam {
    struct Outbox: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the outbox ledger (SPEC §9): what was sent to whom, what waits for a retry, what failed.")

        @OptionGroup var workspace: WorkspaceOptions

        @Flag(help: "Only messages that failed (waiting for a retry, or given up).")
        var failed = false

        @Option(help: "Show at most this many rows, newest first.")
        var limit = 200

        func run() throws {
            let config = try workspace.loadConfig()
            let clock = try workspace.clock(for: config)
            let engine = ReportingEngine(config: config, clock: clock, logger: workspace.logger())
            let rows = try refusingPolitely { try engine.openStore().outbox(failedOnly: failed, limit: limit) }
            if config.recipients.isEmpty { print("no recipients in \(config.file.path): nothing is sent (SPEC §9)") }
            print(failed ? "failed messages: \(rows.count)" : "outbox: \(rows.count) row(s), newest first")
            for r in rows { print(OutboxLine(record: r, display: clock.display).text) }
        }
    }
}

/// One ledger row as a person reads it: status, recipient, channel, what, when, why.
struct OutboxLine {
    let record: OutboxRecord
    let display: (Int64) -> String

    var text: String {
        let what = OutboxQueue.item(of: record)?.title ?? record.itemKey
        var line = "  \(record.status.rawValue)  \(record.recipient)  \(record.channel)  \(what)  (queued \(display(record.queuedAt))"
        if let sent = record.sentAt { line += ", sent \(display(sent))" }
        if record.attempts > 0 { line += ", \(record.attempts) tr\(record.attempts == 1 ? "y" : "ies")" }
        if let next = record.nextTryAt, record.status != .sent { line += ", next try \(display(next))" }
        line += ")"
        if !record.messageId.isEmpty { line += " \(record.messageId)" }
        if !record.error.isEmpty { line += "\n      error: \(record.error)" }
        return line
    }
}
