import ArgumentParser
import Foundation
import KamPolicy
import KamScheduler

extension Kam {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild one job's workbook(s) for a period as a new revision (the previous one is kept in superseded/).")

        @Argument(help: "The job: \(JobKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var job: String

        @Option(help: "The period: 2026-09, 2026Q3 or 2026.")
        var period: String

        @Option(help: "Only this owner (subsidiary code, business line code, or 集团); default: every owner.")
        var owner: String?

        @OptionGroup var workspace: WorkspaceOptions

        @Option(help: "Seconds to wait for another run to finish before giving up (exit code 3).")
        var wait: Double = 60

        func run() throws {
            guard let kind = JobKind(rawValue: job) else {
                throw ValidationError("unknown job `\(job)`; one of: \(JobKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let p = Period(parsing: period) else { throw ValidationError("--period must be 2026-09, 2026Q3 or 2026") }
            let config = try workspace.loadConfig()
            let engine = ReportingEngine(config: config, clock: try workspace.clock(for: config), logger: workspace.logger())
            let summary: RunSummary
            do {
                summary = try refusingPolitely { try engine.rebuild(job: kind, period: p, owner: owner, wait: wait) }
            } catch let notDue as ReportingEngine.NotDue {
                FileHandle.standardError.write(Data("kam: \(notDue)\n".utf8))
                throw ExitCode(ExitCodes.notDue)
            }
            print(RunReport(summary: summary, reportsFolder: config.reportsFolder.path).text, terminator: "")
            if !summary.succeeded { throw ExitCode(ExitCodes.jobFailed) }
        }
    }
}
