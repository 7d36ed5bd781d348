import ArgumentParser
import Foundation
import KamScheduler

extension Kam {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the drop folders now: store accepted files, write a receipt for every file; deliver nothing.")

        @OptionGroup var workspace: WorkspaceOptions

        @Option(help: "Seconds to wait for another run to finish before giving up (exit code 3).")
        var wait: Double = 60

        func run() throws {
            let config = try workspace.loadConfig()
            let ingest = IngestRun(config: config, clock: try workspace.clock(for: config), logger: workspace.logger())
            let report: IngestRun.Report
            report = try refusingPolitely { try ingest.run(wait: wait) }
            for receipt in report.receipts { print(receipt.summaryLine) }
            for problem in report.unhandled { print("could not handle \(problem)") }
            let accepted = report.receipts.filter(\.accepted).count
            print("ingested: \(accepted) accepted, \(report.receipts.count - accepted) rejected, "
                  + "\(report.unchanged.count) unchanged; receipts in each drop folder's receipts/")
        }
    }
}
