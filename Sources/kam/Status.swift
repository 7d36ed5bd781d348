import ArgumentParser
import Foundation
import KamScheduler

extension Kam {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show recent runs, pending and failed job instances, late or missing submissions, and files waiting for a fix.")

        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let config = try workspace.loadConfig()
            let clock = try workspace.clock(for: config)
            let engine = ReportingEngine(config: config, clock: clock, logger: workspace.logger())
            let status = try refusingPolitely { try WorkspaceStatus(config: config, store: try engine.openStore(), clock: clock) }
            var out: [String] = []
            if let mismatch = status.storeMismatch { out.append("REFUSING TO RUN: \(mismatch)") }
            out.append("recent runs:")
            if status.runs.isEmpty { out.append("  none yet") }
            for r in status.runs {
                // The live run's counts are written when it ends: show that it runs, not zeros.
                if r.finishedAt == nil, let live = status.lockHolder, live.runId != nil, live.runId == r.id {
                    out.append("  #\(r.id ?? 0) as of \(r.asOf.replacingOccurrences(of: "T", with: " ")): "
                               + "running (pid \(live.pid), started \(clock.display(r.startedAt)))")
                    continue
                }
                let end = r.finishedAt.map { "finished \(clock.display($0))" } ?? "DID NOT FINISH (killed or crashed; the next run completes it)"
                out.append("  #\(r.id ?? 0) started \(clock.display(r.startedAt)), as of \(r.asOf.replacingOccurrences(of: "T", with: " ")): "
                           + "\(r.acceptedFiles) accepted, \(r.rejectedFiles) rejected, \(r.delivered) delivered, \(r.failed) failed; \(end)")
            }
            if let live = status.lockHolder, live.runId == nil || !status.runs.contains(where: { $0.id == live.runId }) {
                out.append("  running now: pid \(live.pid) holds the run lock (a kam ingest, or a run not yet in the run log)")
            }
            out.append("pending job instances (due, not delivered): \(status.pending.count)")
            for i in status.pending.prefix(50) { out.append("  \(i.job.rawValue) \(i.owner) \(i.period) (fired \(i.fireTime.description.replacingOccurrences(of: "T", with: " ")))") }
            out.append("failed job instances: \(status.failures.count)")
            for f in status.failures { out.append("  \(f.job) \(f.owner) \(f.period): \(f.error)") }
            out.append("late or missing submissions: \(status.owed.count)")
            for o in status.owed {
                let when = o.status.received.map { ", received \($0.description.replacingOccurrences(of: "T", with: " "))" } ?? ""
                out.append("  \(o.subsidiary) \(o.kind.rawValue) \(o.period): \(o.status.label)\(when) (due \(o.dueBy.description.replacingOccurrences(of: "T", with: " ")))")
            }
            out.append("rejected files waiting in drop folders: \(status.rejectedWaiting.count)")
            for s in status.rejectedWaiting { out.append("  \(s.subsidiary)/\(s.fileName): \(s.problemCount) problem(s)") }
            out.append("drop files kam could not handle (tried again by the next run): \(status.dropProblems.count)")
            for p in status.dropProblems { out.append("  \(p.subsidiary)/\(p.fileName): \(p.reason)") }
            out.append("delivered workbooks edited by hand (left alone): \(status.editedWorkbooks.count)")
            for w in status.editedWorkbooks { out.append("  \(w): its bytes differ from the SHA-256 kam recorded") }
            if !status.missingWorkbooks.isEmpty {
                out.append("delivered workbooks missing from reports/ (the next run puts them back): \(status.missingWorkbooks.count)")
                for w in status.missingWorkbooks { out.append("  \(w)") }
            }
            if !status.retired.isEmpty {
                out.append("workbooks of a retired owner (no longer in the config; not current, listed under `retired` in the manifest): \(status.retired.count)")
                for d in status.retired { out.append("  \(d.path) (\(d.job) \(d.owner) \(d.period), revision \(d.revision))") }
            }
            if !config.recipients.isEmpty {
                let undelivered = try refusingPolitely { try engine.openStore().outbox(undeliveredOnly: true, limit: 100) }
                out.append("undelivered messages (kam outbox --failed): \(undelivered.count)")
                for r in undelivered { out.append(OutboxLine(record: r, display: clock.display).text) }
            }
            out.append("unknown drop folders: \(status.unknownFolders.isEmpty ? "none" : status.unknownFolders.joined(separator: ", "))")
            print(out.joined(separator: "\n"))
            if status.storeMismatch != nil { throw ExitCode(ExitCodes.storeMismatch) }
        }
    }
}
