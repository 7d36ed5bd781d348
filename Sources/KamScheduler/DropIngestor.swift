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
        /// One receipt per file read in this ingest, in the order read.
        var receipts: [Receipt] = []
        /// Files whose bytes were already ingested (a no-op).
        var unchanged: [String] = []
    }

    /// Drop files are read on `readers` background threads a few files ahead, while this thread
    /// stores each one in the same order as ever (per subsidiary, sorted by name): reading and
    /// checking is most of an ingest's time and is independent from file to file; the store,
    /// the archive, the receipts and the drop folder see exactly the sequential steps.
    func ingestAll(readers: Int = DropIngestor.defaultReaders) throws -> Outcome {
        var outcome = Outcome()
        var drops: [(url: URL, subsidiary: String, name: String)] = []
        for sub in config.organisation.subsidiaries {
            let folder = config.dropFolder.appendingPathComponent(sub.code)
            guard DropEntryGuard.admits(folder, folder: true, logger: logger),
                  let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where DropEntryGuard.admits(folder.appendingPathComponent(name), logger: logger) {
                drops.append((folder.appendingPathComponent(name), sub.code, name))
            }
        }
        guard !drops.isEmpty else { return outcome }
        try SecureFiles.makeFolder(config.dataFolder.appendingPathComponent("archive"))
        // Bytes already stored when the run starts need no read (unless a receipt is missing);
        // a file that becomes known during the run (the same bytes twice) is read but stored as known.
        let known = Set(try store.allSubmissions().map { "\($0.subsidiary)|\($0.sha256)" })
        let work = drops
        let config = self.config
        let lookahead = OrderedLookahead<PreparedDrop>(count: work.count, workers: readers, window: readers + 2) { i in
            Self.prepare(work[i].url, subsidiary: work[i].subsidiary, name: work[i].name, config: config, known: known)
        }
        defer {
            for left in lookahead.finish() { try? FileManager.default.removeItem(at: left.staged) }
        }
        while let prepared = lookahead.takeNext() {
            defer { try? FileManager.default.removeItem(at: prepared.staged) }
            try ingest(prepared, into: &outcome)
        }
        return outcome
    }

    /// Two readers on this two-core machine class: the third thread (this one, storing) is
    /// mostly waiting on SQLite and the disk. `KAM_INGEST_READERS` overrides (0 = read inline).
    static var defaultReaders: Int {
        if let text = ProcessInfo.processInfo.environment["KAM_INGEST_READERS"], let n = Int(text), n >= 0 { return n }
        return max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// A worker's part: one copy of the drop file is taken first, and the checksum, the archive
    /// and the parse all read that copy, so a clerk overwriting the file meanwhile cannot make
    /// the stored rows differ from the archived bytes.
    static func prepare(_ url: URL, subsidiary: String, name: String, config: KamConfiguration, known: Set<String>) -> PreparedDrop {
        let staged = config.dataFolder.appendingPathComponent("archive/.incoming-\(getpid())-\(subsidiary)-\(name)")
        var mtime: Int64?
        // What the file was when staged: the ingest checks it is still that file before it
        // trusts the copy, and before it removes an accepted file (a file still being written
        // is left for the next run). Nil when it vanished since the listing.
        let identity = DropEntryGuard.identity(url)
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            mtime = (attributes[.modificationDate] as? Date).map { Int64($0.timeIntervalSince1970) }
            try? FileManager.default.removeItem(at: staged)
            try FileManager.default.copyItem(at: url, to: staged)
            let sha = try SHA256.hex(fileAt: staged.path)
            guard !known.contains("\(subsidiary)|\(sha)") else {
                return PreparedDrop(url: url, subsidiary: subsidiary, name: name, staged: staged, mtime: mtime, sha: .success(sha), file: nil, identity: identity)
            }
            // New bytes: the copy will become the archive, whose adoption fsyncs it. Flushing
            // it here, on a reader thread, leaves that fsync on the storing thread (the one
            // every file waits for) little to write. Best effort: the adoption still syncs.
            try? SecureFiles.sync(staged.path)
            let file: Result<CheckedFile, any Error>
            do {
                file = .success(try CheckedFile.read(path: staged.path, fileName: name, settings: config.readSettings(for: subsidiary)))
            } catch {
                file = .failure(error)
            }
            return PreparedDrop(url: url, subsidiary: subsidiary, name: name, staged: staged, mtime: mtime, sha: .success(sha), file: file, identity: identity)
        } catch {
            return PreparedDrop(url: url, subsidiary: subsidiary, name: name, staged: staged, mtime: mtime, sha: .failure(error), file: nil, identity: identity)
        }
    }

    private func ingest(_ prepared: PreparedDrop, into outcome: inout Outcome) throws {
        let name = prepared.name, subsidiary = prepared.subsidiary, url = prepared.url, staged = prepared.staged
        guard let identity = prepared.identity else { return }  // vanished since the listing
        guard DropEntryGuard.unchanged(url, since: identity, logger: logger) else { return }
        let sha = try prepared.sha.get()
        let settings = config.readSettings(for: subsidiary)
        let receiptRelative = "\(subsidiary)/receipts/\(Receipt.fileName(for: name))"
        let receiptURL = config.dropFolder.appendingPathComponent(receiptRelative)
        if let known = try store.submission(subsidiary: subsidiary, sha256: sha) {
            logger.debug("already ingested", metadata: ["drop.file": "\(subsidiary)/\(name)", "submission.id": "\(known.id ?? 0)"])
            outcome.unchanged.append("\(subsidiary)/\(name)")
            // A crash between the commit and the receipt leaves the file without one: write it now.
            if !known.receiptPath.isEmpty, !FileManager.default.fileExists(atPath: config.dropFolder.appendingPathComponent(known.receiptPath).path) {
                let file = try prepared.file?.get() ?? CheckedFile.read(path: staged.path, fileName: name, settings: settings)
                try writeReceipt(Receipt(subsidiary: subsidiary, fileName: name, sha256: sha, receivedAt: clock.display(known.receivedAt),
                                         accepted: known.status == Submission.accepted, file: file),
                                 to: config.dropFolder.appendingPathComponent(known.receiptPath))
            }
            if known.status == Submission.accepted { try? FileManager.default.removeItem(at: url) }
            return
        }
        let received = min(prepared.mtime ?? clock.now, clock.now)
        let archive = "archive/\(sha.prefix(2))/\(sha).csv"
        var submission = Submission(subsidiary: subsidiary, kind: "", period: "", fileName: name, sha256: sha,
                                    receivedAt: received, status: Submission.rejected, encoding: nil, rowCount: 0,
                                    badRowCount: 0, problemCount: 0, hasCost: false, amountTotal: 0, costTotal: 0,
                                    archivePath: archive, receiptPath: receiptRelative)
        try keep(staged, at: archive)
        FaultHook.reached("ingest.after-archive")
        let file: CheckedFile
        if let read = prepared.file {
            file = try read.get()
        } else {
            let progress = ProgressLine(label: "\(subsidiary)/\(name)")
            let archived = config.dataFolder.appendingPathComponent(archive)
            file = try CheckedFile.read(path: archived.path, fileName: name, settings: settings, progress: progress?.update)
            progress?.finish()
        }
        submission.kind = file.name?.kind.rawValue ?? ""
        submission.period = file.name?.period.description ?? ""
        submission.encoding = file.check.encoding?.rawValue
        submission.rowCount = file.check.acceptedRows
        submission.badRowCount = file.check.badRows
        submission.problemCount = file.check.problemCount
        submission.hasCost = file.hasCost
        submission.amountTotal = file.totals.first?.fen ?? 0
        submission.costTotal = file.totals.first { $0.column == "cost" }?.fen ?? 0
        submission.warningCount = file.check.warnings.count
        let accepted = file.isAccepted(maxBadRows: settings.maxBadRows)
        let receipt = Receipt(subsidiary: subsidiary, fileName: name, sha256: sha, receivedAt: clock.display(received),
                              accepted: accepted, file: file.withoutRecords)
        outcome.receipts.append(receipt)
        if let records = file.records, accepted {
            // Commit, then the receipt, then leave the drop folder: a crash in between is
            // repaired by the next run (the bytes are known; the missing receipt is rewritten).
            outcome.accepted.append(try store.recordAccepted(submission, records: records))
            FaultHook.reached("ingest.after-commit")
            try writeReceipt(receipt, to: receiptURL)
            FaultHook.reached("ingest.after-receipt")
            if DropEntryGuard.unchanged(url, since: identity, logger: logger) { try FileManager.default.removeItem(at: url) }
            logger.info("accepted drop file", metadata: ["drop.file": "\(subsidiary)/\(name)", "rows": "\(submission.rowCount)"])
        } else {
            outcome.rejected.append(try store.recordRejected(submission))
            try writeReceipt(receipt, to: receiptURL)
            logger.warning("rejected drop file", metadata: ["drop.file": "\(subsidiary)/\(name)",
                                                            "problems": "\(file.check.problemCount)"])
        }
    }

    /// In the subsidiary's own drop folder (a sub-folder, which is never read as input), atomically, 0640.
    private func writeReceipt(_ receipt: Receipt, to url: URL) throws {
        try SecureFiles.publish(Data(receipt.csvBytes), to: url)
    }

    /// Keeps the original bytes under the data folder, named by checksum.
    private func keep(_ staged: URL, at relative: String) throws {
        let url = config.dataFolder.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        // The staged copy becomes the archive by rename (same folder tree, so atomic).
        try SecureFiles.adopt(staged, as: url)
    }
}
