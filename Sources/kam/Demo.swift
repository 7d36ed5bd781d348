import ArgumentParser
import Foundation
import KamDemo
import KamPolicy

extension Kam {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a ready demo workspace: config and 27 months of synthetic drops for two lines, four subsidiaries.")

        @Argument(help: "The folder to create the workspace in.")
        var directory: String

        @Option(help: "Customers per subsidiary.")
        var customers = 60

        @Option(name: .customLong("lines-per-month"), help: "Average sales lines per customer and month.")
        var linesPerMonth = 3

        @Option(help: "The last month with data, YYYY-MM.")
        var through = "2026-10"

        func run() throws {
            guard let last = YearMonth(parsing: through) else { throw ValidationError("--through must be YYYY-MM") }
            guard customers > 0, linesPerMonth > 0 else { throw ValidationError("--customers and --lines-per-month must be positive") }
            let workspace = DemoWorkspace(root: URL(fileURLWithPath: directory).standardizedFileURL,
                                          size: DemoSize(customers: customers, linesPerCustomerMonth: linesPerMonth, through: last))
            try workspace.create()
            print("demo workspace: \(workspace.root.path)")
            print("config:         \(workspace.configPath.path)")
        }
    }
}
