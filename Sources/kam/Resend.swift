import ArgumentParser
import Foundation
import KamScheduler

extension Kam {
    struct Resend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send again everything queued for one recipient (of one period), sent or not, now.")

        @OptionGroup var workspace: WorkspaceOptions

        @Option(help: "The recipient's name as in the config's `recipients`.")
        var recipient: String

        @Option(help: "Only the items of this period, e.g. 2026Q3 or 2026-09.")
        var period: String?

        @Option(help: "Seconds to wait for a run to finish before giving up (exit code 3).")
        var wait: Double = 60

        func run() throws {
            let config = try workspace.loadConfig()
            let engine = ReportingEngine(config: config, clock: try workspace.clock(for: config), logger: workspace.logger())
            do {
                let (requeued, report) = try refusingPolitely { try engine.resend(recipient: recipient, period: period, wait: wait) }
                print("queued again: \(requeued) item(s) for \(recipient)" + (period.map { " of \($0)" } ?? ""))
                print("sent: \(report.sent), failed (retried later): \(report.failed), given up: \(report.gaveUp)")
                if report.failed + report.gaveUp > 0 { throw ExitCode(ExitCodes.jobFailed) }
            } catch let unknown as ReportingEngine.UnknownRecipient {
                FileHandle.standardError.write(Data("kam: \(unknown)\n".utf8))
                throw ExitCode(ExitCodes.badConfig)
            }
        }
    }
}
