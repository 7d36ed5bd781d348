import CHeapTrim
import Foundation
import KamConfig
import KamIngest
import KamReports
import KamPolicy
import KamStore
import Logging

/// The ingest step of a run: every CSV in each subsidiary's drop folder is read, checked,
/// archived under its SHA-256 and stored in one transaction; an accepted file leaves the drop
/// folder only after its commit. A file is the same submission as an earlier one only when
/// subsidiary, name and bytes are equal (SPEC §8); that is a no-op. Whatever goes wrong with
/// one entry is that entry's `DropProblem`, never the run's.
struct DropIngestor {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock
    let logger: Logger

    /// Staged copies are named `.incoming-<pid>-<n>` in `var/archive/`: short whatever the drop
    /// file's name (a 248-byte name plus a prefix would pass NAME_MAX), and removed by the next
    /// run if a kill leaves one (`RunWorkspace`).
    static let stagingPrefix = ".incoming-"

    struct Outcome {
        var accepted: [Submission] = []
        var rejected: [Submission] = []
        /// One receipt per file read in this ingest, in the order read.
        var receipts: [Receipt] = []
        /// Files that were already ingested (same subsidiary, name and bytes): a no-op.
        var unchanged: [String] = []
        /// Entries kam could not handle this time; each is tried again by the next run.
        var problems: [DropProblem] = []

        /// Where a batch answered in the background goes once it is done: the lists' lengths
        /// when it was handed off, so the outcome lists everything in the order of a
        /// sequential ingest whatever the storing thread added meanwhile.
        struct Mark {
            let accepted: Int, rejected: Int, receipts: Int, problems: Int
        }

        var mark: Mark { Mark(accepted: accepted.count, rejected: rejected.count, receipts: receipts.count, problems: problems.count) }

        /// Puts a batch's answer (its accepted, rejected, receipts and problems) where it was
        /// handed off. Only one batch is answered at a time, so `mark` still points there.
        mutating func insert(_ answered: Outcome, at mark: Mark) {
            accepted.insert(contentsOf: answered.accepted, at: mark.accepted)
            rejected.insert(contentsOf: answered.rejected, at: mark.rejected)
            receipts.insert(contentsOf: answered.receipts, at: mark.receipts)
            problems.insert(contentsOf: answered.problems, at: mark.problems)
        }
    }

    /// A committed batch being answered on its own thread (`answer`: receipts, syncs, leaving
    /// the drop folder) while the storing thread admits and commits the next one.
    private struct Answering {
        let files: Set<String>
        let mark: Outcome.Mark
        let result: BackgroundResult<Outcome>
    }

    /// Drop files are read on `readers` background threads a few files ahead, while this thread
    /// stores each one in the same order as ever (per subsidiary, by name): reading and
    /// checking is most of an ingest's time and is independent from file to file; the store
    /// and the archive see exactly the sequential steps, and each file's receipts and its
    /// leaving the drop folder follow its commit, one batch behind the storing (`commit`).
    func ingestAll(readers: Int = DropIngestor.defaultReaders) throws -> Outcome {
        var outcome = Outcome()
        var drops: [DropEntry] = []
        for sub in config.organisation.subsidiaries {
            let folder = config.dropFolder.appendingPathComponent(sub.code)
            guard DropEntryGuard.admitsFolder(folder, logger: logger) else { continue }
            let entries: [DropEntry]
            do {
                entries = try DropEntry.list(folder, subsidiary: sub.code)
            } catch {
                note(DropProblem(subsidiary: sub.code, fileName: "", error: error), in: &outcome)
                continue
            }
            let candidates = entries.filter { DropEntryGuard.admits($0, logger: logger) }
            if let unusable = ReceiptsFolder.problem(in: folder) {
                // Not read at all: an accepted file leaves the drop folder only once answered.
                for entry in candidates { note(DropProblem(subsidiary: sub.code, fileName: entry.name, error: unusable), in: &outcome) }
                continue
            }
            drops += candidates
        }
        defer { try? store.replaceDropProblems(outcome.problems.map(\.record)) }
        guard !drops.isEmpty else { return outcome }
        let archive = config.dataFolder.appendingPathComponent("archive")
        try SecureFiles.makeFolder(archive)
        // Files already stored when the run starts need no read (unless a receipt is missing);
        // a file that becomes known during the run (the same file twice) is read but stored as known.
        let known = Set(try store.allSubmissions().map { Self.identityKey($0) })
        let work = drops
        let config = self.config
        let pid = getpid()
        let buffers = ReadBuffers()
        // A bulk load: the store's writer gets a larger page cache for it (`withLargeWriteCache`).
        try store.withLargeWriteCache {
            let lookahead = OrderedLookahead<PreparedDrop>(count: work.count, workers: readers, window: Self.lookaheadFiles(readers: readers)) { i in
                Self.prepare(work[i], staged: archive.appendingPathComponent("\(Self.stagingPrefix)\(pid)-\(i)"), config: config, known: known,
                             buffers: buffers)
            }
            defer {
                for left in lookahead.finish() { try? FileManager.default.removeItem(at: left.staged) }
            }
            var batch: [PendingDrop] = []
            var answering: Answering?
            defer { finishAnswering(&answering, into: &outcome) }
            while let prepared = lookahead.takeNext() {
                defer { try? FileManager.default.removeItem(at: prepared.staged) }
                // The same name twice in one batch cannot happen (one listing, one name per folder);
                // if it ever did, the second must see the first committed and answered, as one by one.
                let key = Self.fileKey(prepared.entry)
                if batch.contains(where: { Self.fileKey($0.entry) == key }) {
                    commit(&batch, into: &outcome, answering: &answering)
                }
                if answering?.files.contains(key) == true { finishAnswering(&answering, into: &outcome) }
                do {
                    if let pending = try admit(prepared, into: &outcome) { batch.append(pending) }
                } catch {
                    note(DropProblem(subsidiary: prepared.entry.subsidiary, fileName: prepared.entry.name, error: error), in: &outcome)
                }
                if batch.count >= Self.batchFiles || batch.reduce(0, { $0 + $1.rowCount }) >= Self.batchRows {
                    commit(&batch, into: &outcome, answering: &answering)
                }
            }
            commit(&batch, into: &outcome, answering: &answering)
        }
        // The parsed files and the read buffers are freed by now, but glibc keeps their pages,
        // and a cold run's workbooks then grew on top of them: peak RSS 248 MB (226–257) at
        // group scale. Handing them back here keeps the run under 256 MB (BENCHMARKS.md).
        _ = kam_release_free_heap()
        return outcome
    }

    /// How many read files share one commit: each commit costs a few device flushes (a syncfs
    /// for the archive's new names, the store's log, two syncfs for the receipts), which one
    /// file at a time were most of a group ingest's storing thread (890 files, ~3,500 fsyncs).
    /// The rows wait in memory until their commit, hence the row bound as well.
    static let batchFiles = 32
    static let batchRows = 250_000

    /// How far the readers may read ahead of the storing thread: a batch's worth. A batch's
    /// commit (the store, then its receipts) keeps the storing thread busy for a while; with
    /// two files of slack the readers stopped during it and the storing thread then waited for
    /// them file by file (scale ingest: 2.9 s of its 10 s waiting for a reader; window 34:
    /// 10.0 → 8.0 s, peak 132 → 162 MB, BENCHMARKS.md). `KAM_INGEST_WINDOW` overrides.
    static func lookaheadFiles(readers: Int) -> Int {
        if let text = ProcessInfo.processInfo.environment["KAM_INGEST_WINDOW"], let n = Int(text), n >= 1 { return n }
        return readers + batchFiles
    }

    private static func fileKey(_ entry: DropEntry) -> String { "\(entry.subsidiary)\u{1}\(entry.name)" }

    /// The one place a drop entry's failure becomes its status: the run's outcome (its output
    /// and exit), the log and, through the store, `kam status`.
    private func note(_ problem: DropProblem, in outcome: inout Outcome) {
        outcome.problems.append(problem)
        logger.error("could not handle a drop file", metadata: ["drop.file": "\(problem.displayPath)", "reason": "\(problem.reason)"])
    }

    /// One reader per core (two on this machine class), at most four: the storing thread (this
    /// one) is mostly waiting on SQLite and the disk. `KAM_INGEST_READERS` overrides (0 = read inline).
    static var defaultReaders: Int {
        if let text = ProcessInfo.processInfo.environment["KAM_INGEST_READERS"], let n = Int(text), n >= 0 { return n }
        return max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    }

    // MARK: Which earlier submission a file is

    /// What makes two drop files the same submission (SPEC §8): subsidiary, name and bytes;
    /// for a rejected file also the reading settings that judged it, so that a rejection made
    /// under another encoding, column mapping or tolerance is judged again.
    static func identityKey(_ s: Submission) -> String {
        s.status == .accepted ? identityKey(s.subsidiary, s.fileName, s.sha256, nil)
                                        : identityKey(s.subsidiary, s.fileName, s.sha256, s.readSettings)
    }

    static func identityKey(_ subsidiary: String, _ name: String, _ sha: String, _ settings: String?) -> String {
        "\(subsidiary)\u{1}\(name)\u{1}\(sha)" + (settings.map { "\u{1}\($0)" } ?? "")
    }

    static func isKnown(_ known: Set<String>, _ subsidiary: String, _ name: String, _ sha: String, settings: String) -> Bool {
        known.contains(identityKey(subsidiary, name, sha, nil)) || known.contains(identityKey(subsidiary, name, sha, settings))
    }

    /// The earlier submission this file is, if any: an accepted one, or a rejected one judged
    /// with the same settings.
    static func earlier(_ candidates: [Submission], settings: String) -> Submission? {
        candidates.first { $0.status == .accepted } ?? candidates.last { $0.readSettings == settings }
    }

    // MARK: Reading (worker threads)

    /// The largest drop file a reader holds in memory while it copies, hashes and parses it,
    /// instead of reading its staged copy twice more (the kernel's copies, and for the quarter
    /// kinds a zeroed 1 MiB buffer per file). One file per reader at a time: with four readers
    /// at most 64 MiB more, within the 256 MB the run may use; the scale workspace's largest
    /// file is 5.3 MB. Bigger files keep the streaming path, whose memory does not grow with them.
    static let inMemoryBytes = 16 << 20

    /// A worker's part: one copy of the drop file is taken first, and the checksum, the archive
    /// and the parse all read that copy, so a clerk overwriting the file meanwhile cannot make
    /// the stored rows differ from the archived bytes. A file of at most `inMemoryBytes` is
    /// read once: the staged copy is written from memory, and the checksum and the parse read
    /// those same bytes; a bigger one is read from the staged copy (streamed).
    static func prepare(_ entry: DropEntry, staged: URL, config: KamConfiguration, known: Set<String>,
                        buffers: ReadBuffers = ReadBuffers()) -> PreparedDrop {
        let settings = config.readSettings(for: entry.subsidiary)
        do {
            try? FileManager.default.removeItem(at: staged)
            let st: stat
            var held = buffers.take()
            defer { buffers.give(held) }
            let bytes: [UInt8]?
            do {
                try FaultHook.failRead(entry.name)
                let copied = try entry.copy(to: staged, keepingUpTo: Self.inMemoryBytes, in: &held)
                st = copied.status
                bytes = copied.kept ? held : nil
            } catch DropProblem.Cause.system(_, ENOENT) {
                return PreparedDrop(entry: entry, staged: staged, mtime: nil, sha: .success(""), file: nil, identity: nil)
            }
            // What the file was when staged: the ingest checks it is still that file before it
            // trusts the copy, and before it removes an accepted file (a file still being written
            // is left for the next run).
            let identity = DropEntryGuard.Identity(st)
            let mtime = Int64(st.st_mtim.tv_sec)
            let sha = try bytes.map(SHA256.hex) ?? SHA256.hex(fileAt: staged.path)
            guard !isKnown(known, entry.subsidiary, entry.name, sha, settings: settings.fingerprint) else {
                return PreparedDrop(entry: entry, staged: staged, mtime: mtime, sha: .success(sha), file: nil, identity: identity)
            }
            // New bytes: the copy will become the archive. Flushed here, on a reader thread, it
            // becomes the archive by one rename on the storing thread (the one every file waits
            // for); a copy that could not be flushed is synced by its adoption instead.
            let synced = (try? SecureFiles.sync(staged.path)) != nil
            let file: Result<CheckedFile, any Error>
            if entry.nameEncoding == .undecodable {
                file = .success(CheckedFile.refused(name: entry.name, .undecodableName))
            } else {
                do {
                    if let bytes {
                        file = .success(CheckedFile.read(bytes, fileName: entry.name, settings: settings))
                    } else {
                        file = .success(try CheckedFile.read(path: staged.path, fileName: entry.name, settings: settings))
                    }
                } catch {
                    file = .failure(error)
                }
            }
            return PreparedDrop(entry: entry, staged: staged, mtime: mtime, sha: .success(sha), file: file, identity: identity,
                                synced: synced)
        } catch {
            return PreparedDrop(entry: entry, staged: staged, mtime: nil, sha: .failure(error), file: nil,
                                identity: entry.status().map(DropEntryGuard.Identity.init))
        }
    }

    // MARK: Storing (the run's thread, in order)

    /// Everything up to the commit: an already known file is answered here (its missing receipt
    /// rewritten, an accepted one removed from the drop folder); a new one is archived and
    /// judged, and handed back to wait for its batch's commit.
    private func admit(_ prepared: PreparedDrop, into outcome: inout Outcome) throws -> PendingDrop? {
        let entry = prepared.entry
        let name = entry.name, subsidiary = entry.subsidiary, staged = prepared.staged
        guard let identity = prepared.identity else { return nil }  // vanished since the listing
        let sha = try prepared.sha.get()
        guard DropEntryGuard.unchanged(entry, since: identity, logger: logger) else { return nil }
        let settings = config.readSettings(for: subsidiary)
        let candidates = try store.submissions(subsidiary: subsidiary, fileName: name, sha256: sha)
        if let known = Self.earlier(candidates, settings: settings.fingerprint) {
            logger.debug("already ingested", metadata: ["drop.file": "\(entry.displayPath)", "submission.id": "\(known.id ?? 0)"])
            outcome.unchanged.append(entry.displayPath)
            // A crash between the commit and the receipt leaves the file without one: write it now.
            if !known.receiptPath.isEmpty, !Self.receiptsExist(at: config.dropFolder.appendingPathComponent(known.receiptPath)) {
                let file = try prepared.file?.get() ?? CheckedFile.read(path: staged.path, fileName: name, settings: settings)
                var receipt = Receipt(subsidiary: subsidiary, fileName: name, sha256: sha, receivedAt: clock.display(known.receivedAt),
                                      accepted: known.status == .accepted, file: file)
                receipt.effect = try effect(of: known)
                try writeReceipt(receipt, received: known.receivedAt, to: config.dropFolder.appendingPathComponent(known.receiptPath))
            }
            if known.status == .accepted { try entry.remove() }
            return nil
        }
        let received = min(prepared.mtime ?? clock.now, clock.now)
        let receiptRelative = receiptPath(subsidiary: subsidiary, name: name, received: received)
        let receiptURL = config.dropFolder.appendingPathComponent(receiptRelative)
        let archive = "archive/\(sha.prefix(2))/\(sha).csv"
        var submission = Submission(subsidiary: subsidiary, kind: nil, period: nil, fileName: name, sha256: sha,
                                    receivedAt: received, status: .rejected, encoding: nil, rowCount: 0,
                                    badRowCount: 0, problemCount: 0, hasCost: false, amountTotal: 0, costTotal: 0,
                                    archivePath: archive, receiptPath: receiptRelative, readSettings: settings.fingerprint)
        let unsyncedFolder = try keep(staged, at: archive, synced: prepared.synced)
        FaultHook.reached("ingest.after-archive")
        let file: CheckedFile
        if let read = prepared.file {
            file = try read.get()
        } else {
            let progress = ProgressLine(label: entry.displayPath)
            let archived = config.dataFolder.appendingPathComponent(archive)
            file = try CheckedFile.read(path: archived.path, fileName: name, settings: settings, progress: progress?.update)
            progress?.finish()
        }
        submission.kind = file.name?.kind
        submission.period = file.name?.period
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
        let recording: KamStore.Recording
        if let records = file.records, accepted { recording = .accepted(submission, records) } else { recording = .rejected(submission) }
        return PendingDrop(entry: entry, identity: identity, recording: recording, receipt: receipt, receiptURL: receiptURL,
                           unsyncedArchiveFolder: unsyncedFolder)
    }

    /// Commits a batch of admitted files, then answers each: commit, then the receipts, then
    /// leave the drop folder — a crash in between is repaired by the next run (the file is
    /// known; the missing receipt is rewritten), as when each file had its own commit. When
    /// the batch cannot be stored together (one file's rows, a store failure), its files are
    /// stored one by one, so only a file that fails itself is left for the next run.
    ///
    /// A batch stored together is answered on a thread of its own while this one admits and
    /// commits the next batch: the receipts (the xlsx most of it) were a fifth of the storing
    /// thread's CPU (scale ingest, perf), and their two syncfs a wait. The order per file stays
    /// commit, receipts, leaving the drop folder. A later batch may be committed before an
    /// earlier one is answered; a kill then leaves the files of both stored without receipts,
    /// which the next run repairs as it repairs a kill between one batch's commit and its
    /// receipts. One batch is answered at a time, in order.
    private func commit(_ batch: inout [PendingDrop], into outcome: inout Outcome, answering: inout Answering?) {
        guard !batch.isEmpty else { return }
        defer { batch.removeAll() }
        var files: [PendingDrop] = []
        do {
            // The archive a stored submission names must survive a power cut before the commit.
            try SecureFiles.syncFileSystems(of: batch.compactMap(\.unsyncedArchiveFolder))
            files = batch
        } catch {
            for file in batch {
                do {
                    if let folder = file.unsyncedArchiveFolder { try SecureFiles.sync(folder.path) }
                    files.append(file)
                } catch {
                    note(DropProblem(subsidiary: file.entry.subsidiary, fileName: file.entry.name, error: error), in: &outcome)
                }
            }
        }
        if let stored = try? store.record(files.map(\.recording)) {
            let committed = zip(files, stored).map { $0.committed(as: $1) }
            finishAnswering(&answering, into: &outcome)
            let ingestor = self
            answering = Answering(files: Set(files.map { Self.fileKey($0.entry) }), mark: outcome.mark,
                                  result: BackgroundResult { ingestor.answer(committed) })
            return
        }
        // One by one, each answered before the next is stored, as without batches.
        finishAnswering(&answering, into: &outcome)
        for file in files {
            do {
                let stored = try store.record([file.recording])
                outcome.insert(answer(zip([file], stored).map { $0.committed(as: $1) }), at: outcome.mark)
            } catch {
                note(DropProblem(subsidiary: file.entry.subsidiary, fileName: file.entry.name, error: error), in: &outcome)
            }
        }
    }

    /// Waits for the batch being answered, if any, and puts its answer in the outcome.
    private func finishAnswering(_ answering: inout Answering?, into outcome: inout Outcome) {
        guard let current = answering else { return }
        outcome.insert(current.result.value(), at: current.mark)
        answering = nil
    }

    /// After the commit: each file's receipt (all written, then synced together), then each
    /// accepted file leaves the drop folder. What it adds to the outcome (accepted, rejected,
    /// receipts, problems) is returned, for the caller to put where the batch was committed.
    private func answer(_ files: [CommittedDrop]) -> Outcome {
        var outcome = Outcome()
        var receipts: [Receipt] = []
        for file in files {
            var receipt = file.receipt
            if file.isAccepted {
                outcome.accepted.append(file.recorded.submission)
                FaultHook.reached("ingest.after-commit")
                receipt.effect = SubmissionEffect.describe(file.recorded.submission, among: file.recorded.acceptedOfKind)
            } else {
                outcome.rejected.append(file.recorded.submission)
            }
            receipts.append(receipt)
        }
        var writable: [Int] = []
        var failures: [Int: any Error] = [:]
        for (i, file) in files.enumerated() {
            if let unusable = ReceiptsFolder.problem(in: file.receiptURL.deletingLastPathComponent().deletingLastPathComponent()) {
                failures[i] = unusable
            } else {
                writable.append(i)
            }
        }
        // Both receipts of each file (SPEC §8: the CSV and the xlsx beside it) in one batch, so
        // they share its syncs; a file whose CSV or xlsx failed is answered as failed.
        var producers: [(url: URL, produce: (String) throws -> Void)] = []
        for i in writable {
            let receipt = receipts[i], received = files[i].submission.receivedAt
            producers.append((files[i].receiptURL, { path in try SecureFiles.write(Data(receipt.csvBytes), toNew: path) }))
            producers.append((URL(fileURLWithPath: Receipt.workbookPath(ofCSV: files[i].receiptURL.path)),
                              { path in try ReceiptWorkbook.write(receipt, to: path, created: received) }))
        }
        let written = SecureFiles.publishAll(producing: producers)
        for (k, i) in writable.enumerated() { if let error = written[2 * k] ?? written[2 * k + 1] { failures[i] = error } }
        for (i, file) in files.enumerated() {
            let entry = file.entry
            do {
                if let failure = failures[i] { throw failure }
                if file.isAccepted {
                    FaultHook.reached("ingest.after-receipt")
                    if DropEntryGuard.unchanged(entry, since: file.identity, logger: logger) { try entry.remove() }
                    logger.info("accepted drop file", metadata: ["drop.file": "\(entry.displayPath)", "rows": "\(file.submission.rowCount)"])
                } else {
                    logger.warning("rejected drop file", metadata: ["drop.file": "\(entry.displayPath)",
                                                                    "problems": "\(file.submission.problemCount)"])
                }
                outcome.receipts.append(receipts[i])
            } catch {
                note(DropProblem(subsidiary: entry.subsidiary, fileName: entry.name, error: error), in: &outcome)
            }
        }
        return outcome
    }

    /// What the lost receipt of an accepted file said it changed (生效情况): described against the
    /// accepted files of its subsidiary and kind as they stood right after its commit, which are
    /// those stored up to it (ids only grow; a submission is never changed or deleted). Before,
    /// a rewritten receipt left the line out.
    private func effect(of known: Submission) throws -> String? {
        guard known.status == .accepted, let kind = known.kind, let id = known.id else { return nil }
        let upToIt = try store.acceptedSubmissions(subsidiary: known.subsidiary, kind: kind).filter { ($0.id ?? .max) <= id }
        return SubmissionEffect.describe(known, among: upToIt)
    }

    /// In the subsidiary's own drop folder (a sub-folder, which is never read as input), atomically, 0640:
    /// the CSV at `url` and the xlsx beside it (SPEC §8).
    private func writeReceipt(_ receipt: Receipt, received: Int64, to url: URL) throws {
        if let unusable = ReceiptsFolder.problem(in: url.deletingLastPathComponent().deletingLastPathComponent()) { throw unusable }
        try SecureFiles.publish(Data(receipt.csvBytes), to: url)
        let workbook = URL(fileURLWithPath: Receipt.workbookPath(ofCSV: url.path))
        try SecureFiles.publish(to: workbook) { path in try ReceiptWorkbook.write(receipt, to: path, created: received) }
    }

    /// `<S>/receipts/<name>.<received>.receipt.csv`, relative to the drop folder: the received time
    /// in the name keeps every earlier receipt of the same file name (SPEC §8); a second file of
    /// that name received in the same second takes the next free `-2`, `-3`, ….
    private func receiptPath(subsidiary: String, name: String, received: Int64) -> String {
        let stamp = Receipt.stamp(of: clock.local(of: received), second: Int(((received % 60) + 60) % 60))
        var attempt = 1
        while true {
            let relative = "\(subsidiary)/receipts/\(Receipt.fileName(for: name, received: stamp, attempt: attempt))"
            let url = config.dropFolder.appendingPathComponent(relative)
            let workbook = URL(fileURLWithPath: Receipt.workbookPath(ofCSV: url.path))
            if !FileManager.default.fileExists(atPath: url.path) && !FileManager.default.fileExists(atPath: workbook.path) {
                return relative
            }
            attempt += 1
        }
    }

    /// Both receipts of a submission are in place (a crash or a full disk may have left neither,
    /// or only the CSV).
    static func receiptsExist(at csv: URL) -> Bool {
        FileManager.default.fileExists(atPath: csv.path)
            && FileManager.default.fileExists(atPath: Receipt.workbookPath(ofCSV: csv.path))
    }

    /// Keeps the original bytes under the data folder, named by checksum. Returns the archive's
    /// folder when the new name still has to be made durable (`SecureFiles.syncFileSystems`, once
    /// for the batch, before its commit).
    private func keep(_ staged: URL, at relative: String, synced: Bool) throws -> URL? {
        let url = config.dataFolder.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else { return nil }
        // The staged copy becomes the archive by rename (same folder tree, so atomic); a copy
        // its reader could not flush takes the full way (synced under a temporary name first).
        guard synced else {
            try SecureFiles.adopt(staged, as: url)
            return nil
        }
        try SecureFiles.adoptSynced(staged, as: url)
        return url.deletingLastPathComponent()
    }
}

extension ReadSettings {
    /// The settings as one stable string, stored with a submission: a rejected file is judged
    /// again once they differ (SPEC §8).
    var fingerprint: String {
        let columns = columnAliases.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "encoding=\(encoding.rawValue);columns=\(columns);max_bad_rows=\(maxBadRows)"
    }
}
