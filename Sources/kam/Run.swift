import ArgumentParser
import Foundation
import KamScheduler

extension Kam {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest the drop folders and deliver every job instance due by now (or --as-of) not yet done.")

        @OptionGroup var workspace: WorkspaceOptions

        @Option(help: "Seconds to wait for another run to finish before giving up (exit code 3).")
        var wait: Double = 60

        func run() throws {
            let config = try workspace.loadConfig()
            let engine = ReportingEngine(config: config, clock: try workspace.clock(for: config), logger: workspace.logger())
            let summary: RunSummary
            summary = try refusingPolitely { try engine.run(wait: wait) }
            print(RunReport(summary: summary, reportsFolder: config.reportsFolder.path).text, terminator: "")
            if !summary.succeeded { throw ExitCode(ExitCodes.jobFailed) }
        }
    }
}

/// The run's summary as a person reads it.
struct RunReport {
    let summary: RunSummary
    let reportsFolder: String

    var text: String {
        var lines: [String] = []
        lines.append("ingested: \(summary.acceptedFiles.count) accepted, \(summary.rejectedFiles.count) rejected")
        for f in summary.rejectedFiles { lines.append("  rejected: \(f)") }
        if !summary.unhandledFiles.isEmpty {
            lines.append("could not handle \(summary.unhandledFiles.count) drop file(s); each is tried again by the next run:")
            for f in summary.unhandledFiles { lines.append("  \(f)") }
        }
        for r in summary.restored { lines.append("restored (had disappeared from reports/): \(r)") }
        for u in summary.unchangedRebuilds { lines.append("unchanged (new inputs, nothing visible changed; revision kept): \(u)") }
        lines.append("delivered: \(summary.delivered.count) workbook(s) under \(reportsFolder)")
        for d in summary.delivered { lines.append("  \(d)" + (summary.revised[d].map { " (revision \($0))" } ?? "")) }
        if summary.delivered.isEmpty && summary.failed.isEmpty { lines.append("  nothing due that was not already done") }
        for f in summary.failed { lines.append("FAILED: \(f)") }
        if let o = summary.outbox, o.sent + o.failed + o.gaveUp > 0 {
            lines.append("messages: \(o.sent) sent, \(o.failed) failed (retried later), \(o.gaveUp) given up (operator told); kam outbox lists them")
        }
        if let problem = summary.outboxProblem { lines.append("messages not sent this time (the next run tries again): \(problem)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
