import Foundation
import KamConfig
import KamIngest
import KamPolicy
import KamStore
import Logging

/// The ingest step of a run: every CSV in each subsidiary's drop folder is read, checked,
/// archived under its SHA-256 and stored in one transaction; an accepted file leaves the drop
/// folder only after its commit. The same bytes twice are a no-op.
struct DropIngestor {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock
    let logger: Logger

    struct Outcome {
        var accepted: [Submission] = []
        var rejected: [Submission] = []
        /// Kept for the engine's summary; every kind is stored now, so nothing waits.
        var skipped: [String] = []
    }

    func ingestAll() throws -> Outcome {
        var outcome = Outcome()
        for sub in config.organisation.subsidiaries {
            let folder = config.dropFolder.appendingPathComponent(sub.code)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.lowercased().hasSuffix(".csv") {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                try ingest(url, subsidiary: sub.code, into: &outcome)
            }
        }
        return outcome
    }

    private func ingest(_ url: URL, subsidiary: String, into outcome: inout Outcome) throws {
        let name = url.lastPathComponent
        let data = try Data(contentsOf: url)
        let bytes = [UInt8](data)
        let sha = SHA256.hex(bytes)
        if let known = try store.submission(subsidiary: subsidiary, sha256: sha) {
            logger.debug("already ingested", metadata: ["drop.file": "\(subsidiary)/\(name)", "submission.id": "\(known.id ?? 0)"])
            if known.status == Submission.accepted { try? FileManager.default.removeItem(at: url) }
            return
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        let mtime = Int64((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? Double(clock.now))
        let received = min(mtime, clock.now)
        let archive = "archive/\(sha.prefix(2))/\(sha).csv"
        var submission = Submission(subsidiary: subsidiary, kind: "", period: "", fileName: name, sha256: sha,
                                    receivedAt: received, status: Submission.rejected, encoding: nil, rowCount: 0,
                                    badRowCount: 0, problemCount: 0, hasCost: false, amountTotal: 0, costTotal: 0,
                                    archivePath: archive)
        try keep(data, at: archive)
        let settings = config.readSettings(for: subsidiary)
        let file = CheckedFile.read(bytes, fileName: name, settings: settings)
        submission.kind = file.name?.kind.rawValue ?? ""
        submission.period = file.name?.period.description ?? ""
        submission.encoding = file.check.encoding?.rawValue
        submission.rowCount = file.check.acceptedRows
        submission.badRowCount = file.check.badRows
        submission.problemCount = file.check.problemCount
        submission.hasCost = file.hasCost
        submission.amountTotal = file.totals.first?.fen ?? 0
        submission.costTotal = file.totals.first { $0.column == "cost" }?.fen ?? 0
        if let records = file.records, file.isAccepted(maxBadRows: settings.maxBadRows) {
            outcome.accepted.append(try store.recordAccepted(submission, records: records))
            try FileManager.default.removeItem(at: url)
            logger.info("accepted drop file", metadata: ["drop.file": "\(subsidiary)/\(name)", "rows": "\(submission.rowCount)"])
        } else {
            outcome.rejected.append(try store.recordRejected(submission))
            logger.warning("rejected drop file", metadata: ["drop.file": "\(subsidiary)/\(name)",
                                                            "problems": "\(file.check.problemCount)"])
        }
    }

    /// Keeps the original bytes under the data folder, named by checksum.
    private func keep(_ data: Data, at relative: String) throws {
        let url = config.dataFolder.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try SecureFiles.publish(data, to: url)
    }
}
