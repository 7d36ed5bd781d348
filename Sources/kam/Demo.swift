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

        /// Presets; `--customers` and `--lines-per-month` override them.
        enum Size: String, ExpressibleByArgument, CaseIterable {
            case small, medium, large, acceptance, scale

            var customers: Int { switch self { case .small: 60; case .medium: 2_000; case .large: 12_500; case .acceptance: 3_000; case .scale: 2_500 } }
            var linesPerMonth: Int { switch self { case .small: 3; case .medium: 5; case .large: 10; case .acceptance: 8; case .scale: 11 } }
            var subsidiaries: Int { self == .scale ? 20 : 4 }
            var months: Int { self == .scale ? 24 : 27 }
        }

        @Option(help: "Workspace size: small (60 customers per subsidiary, ~15k sales lines), medium (2,000, ~0.85M), large (12,500, ~12M, estimated), acceptance (3,000, ~18,500 lines per subsidiary and month, ~2M: issue 15's peer benchmark), scale (20 subsidiaries × 2,500 customers, 24 months, ~10M lines: the group-scale benchmark).")
        var size: Size = .small

        @Option(help: "Customers per subsidiary (overrides --size).")
        var customers: Int?

        @Option(name: .customLong("lines-per-month"), help: "Average sales lines per customer and month (overrides --size).")
        var linesPerMonth: Int?

        @Option(help: "Subsidiaries, split between the two lines (overrides --size; at least 1).")
        var subsidiaries: Int?

        @Option(help: "The last month with data, YYYY-MM.")
        var through = "2026-10"

        func run() throws {
            guard let last = YearMonth(parsing: through) else { throw ValidationError("--through must be YYYY-MM") }
            let customers = self.customers ?? size.customers
            let linesPerMonth = self.linesPerMonth ?? size.linesPerMonth
            guard customers > 0, linesPerMonth > 0 else { throw ValidationError("--customers and --lines-per-month must be positive") }
            let workspace = DemoWorkspace(root: URL(fileURLWithPath: directory).standardizedFileURL,
                                          size: DemoSize(customers: customers, linesPerCustomerMonth: linesPerMonth, through: last,
                                                        months: size.months, subsidiaries: max(subsidiaries ?? size.subsidiaries, 1)))
            try workspace.create()
            print("demo workspace: \(workspace.root.path)")
            print("config:         \(workspace.configPath.path)")
        }
    }
}
