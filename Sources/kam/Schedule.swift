import ArgumentParser
import Foundation
import KamPolicy
import KamScheduler

extension Kam {
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List job instances by fire time: job, owner, period, and whether each is done, due or upcoming.")

        @OptionGroup var workspace: WorkspaceOptions

        @Option(help: "First fire month, YYYY-MM (default: this month).")
        var from: String?

        @Option(help: "Last fire month, YYYY-MM (default: three months after --from).")
        var to: String?

        func run() throws {
            let config = try workspace.loadConfig()
            let clock = try workspace.clock(for: config)
            let now = clock.localNow
            guard let first = from.map(YearMonth.init(parsing:)) ?? now.date.yearMonth else {
                throw ValidationError("--from must be YYYY-MM")
            }
            guard let last = to.map(YearMonth.init(parsing:)) ?? first.adding(months: 3) else {
                throw ValidationError("--to must be YYYY-MM")
            }
            let engine = ReportingEngine(config: config, clock: clock, logger: workspace.logger())
            let store = try engine.openStore()
            for instance in config.calendar.instances(firingFrom: first, through: last) {
                let state: String
                if !config.calendar.isReported(instance.period) {
                    state = "before-since"
                } else if try store.latestDelivery(job: instance.job.rawValue, owner: instance.owner,
                                                   period: instance.period) != nil {
                    state = "done"
                } else {
                    state = instance.fireTime <= now ? "due" : "upcoming"
                }
                print("\(instance.fireTime.description.replacingOccurrences(of: "T", with: " "))  "
                      + "\(instance.job.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) "
                      + "\(instance.owner.padding(toLength: 8, withPad: " ", startingAt: 0)) \(instance.period)  \(state)")
            }
        }
    }
}
