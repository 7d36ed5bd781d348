import Foundation
import GRDB
import KamIngest
import KamPolicy

/// The one SQLite file that holds kam's history: submissions, their monthly aggregates, and
/// the deliveries ledger. Enough to recompute any past report.
public final class KamStore: Sendable {
    /// A pool on disk (WAL: the writer threads building workbooks read at once, and a reader
    /// never waits for the run's writes), a queue in memory (tests).
    let db: any DatabaseWriter

    /// Other processes (a `kam status`, a `kam backup`, the daemon and cron) may hold the file
    /// for a moment: wait for them rather than fail.
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating if needed) the store at `path` and migrates it. The file is 0600:
    /// it holds confidential customer data.
    public init(path: String) throws {
        // Created 0600 before SQLite opens it, so it is never readable by others, not even briefly
        // (SQLite gives its journal the same mode).
        if !FileManager.default.fileExists(atPath: path) {
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        // FULL, not GRDB's WAL default NORMAL: a drop file leaves the drop folder once its
        // commit returns, so that commit must survive a power cut, not only a crash of kam.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        // Two processes opening a new or older store at once (the daemon's first cycle and a
        // `kam backup` or `kam status`) would both see a migration as not applied and both run
        // it ("table … already exists"). An flock on the store's *folder* makes the
        // check-and-migrate one step per process; it is held only while opening, and the
        // kernel releases it if a process dies. Not on the store file itself: closing any
        // descriptor of that file drops every POSIX lock SQLite holds on it (seen as "disk I/O
        // error" in the other connections).
        let gate = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                        O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if gate >= 0 { flock(gate, LOCK_EX) }
        defer { if gate >= 0 { flock(gate, LOCK_UN); close(gate) } }
        do {
            // Looked at read-only first: opening the pool switches the file to WAL, which would
            // already change another program's database.
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .timeout(Self.busyTimeout)
            if let foreign = try DatabaseQueue(path: path, configuration: readOnly).read(Self.foreignSchema) {
                throw Damaged(path: path, reason: foreign)
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try StoreMigrations.migrator.migrate(pool)
            db = pool
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw Damaged(path: path, reason: "SQLite: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// The store file cannot be used: it is not an SQLite database (overwritten, truncated,
    /// another file copied over it), SQLite finds it malformed, or it is another program's
    /// database. Refused when the store is opened, before a command reads a drop file or writes
    /// under `reports/`: a run on a store that lost its ledger would take every delivered
    /// workbook for undelivered and every received file for new. The way back is the backup
    /// (`kam backup`), restored as the README's "kam backup" says, so the message spells it out.
    public struct Damaged: Error, CustomStringConvertible {
        public let path: String
        public let reason: String

        public var description: String {
            let data = (path as NSString).deletingLastPathComponent
            return "the store \(path) is not a kam store or is damaged (\(reason)). kam stopped before reading any drop "
                + "file or writing any workbook: nothing under reports/ or drop/ was changed. Restore the store from a "
                + "backup made by `kam backup DIR`: stop kam (the daemon or timer), move the damaged \(path) aside, remove "
                + "\(path)-wal and \(path)-shm if present, copy DIR/kam.sqlite to \(path) (mode 0600) and DIR/archive/ to "
                + "\(data)/archive/; then `kam status` shows what the restored ledger knows, and the next `kam run` continues from it."
        }
    }

    /// Why an SQLite file that opened is still not a kam store, or nil: it has tables but not
    /// kam's migration record (another program's database, or a file put there by mistake).
    /// Migrating it would add kam's tables beside someone else's data. An empty file is a new store.
    static func foreignSchema(_ db: Database) throws -> String? {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        guard !tables.isEmpty else { return nil }
        guard tables.contains("grdb_migrations"),
              try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1-submissions')") == true
        else {
            return "an SQLite database without kam's tables: \(tables.prefix(5).joined(separator: ", "))"
        }
        return nil
    }

    /// An in-memory store, for tests.
    public init() throws {
        let queue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(queue)
        db = queue
    }

    /// Runs `body` (an ingest: many large transactions in a row) with a 32 MiB page cache on
    /// the writing connection, then puts the previous size back and gives the memory back.
    /// With SQLite's default 2 MiB, a batch's inserts spilled pages of `sales_month` and its
    /// key to the log mid-transaction and read them back: with another program's I/O
    /// competing (load 5) the group ingest took 21.6 s instead of 13.0 s with 32 MiB (16 MiB:
    /// 14.1 s, 64 MiB: 17.2 s); on a quiet machine the gain is small (BENCHMARKS.md, issue 15).
    /// Set only around the ingest: the workbooks' reading connections keep the default, and so
    /// does the writer for the rest of a run.
    public func withLargeWriteCache<T>(_ body: () throws -> T) throws -> T {
        let previous = try db.writeWithoutTransaction { db -> Int in
            let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            return size
        }
        defer {
            try? db.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = \(previous)")
                try db.execute(sql: "PRAGMA shrink_memory")
            }
        }
        return try body()
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T { try db.read(body) }
    func write<T>(_ body: (Database) throws -> T) throws -> T { try db.write(body) }

    // MARK: Submissions

    /// Records a rejected file: it supersedes nothing, but its receipt and status are kept.
    @discardableResult
    public func recordRejected(_ submission: Submission) throws -> Submission {
        try db.write { db in
            var s = submission
            s.status = .rejected
            try s.insert(db)
            return s
        }
    }

    /// Accepted submissions of one kind for a subsidiary, in received order (received time, then
    /// name, then id: SPEC §8). Which of them a workbook reads is `SubmissionIndex`'s decision, not
    /// the store's.
    public func acceptedSubmissions(subsidiary: String, kind: InputKind) throws -> [Submission] {
        try db.read { db in try Self.acceptedSubmissions(subsidiary: subsidiary, kind: kind, db: db) }
    }

    static func acceptedSubmissions(subsidiary: String, kind: InputKind, db: Database) throws -> [Submission] {
        try Submission
            .filter(Submission.Columns.subsidiary == subsidiary && Submission.Columns.kind == kind
                    && Submission.Columns.status == Submission.Status.accepted)
            .order(Submission.Columns.receivedAt, Submission.Columns.fileName, Submission.Columns.id)
            .fetchAll(db)
    }

    public func allSubmissions() throws -> [Submission] {
        try db.read { db in try Submission.order(Submission.Columns.id).fetchAll(db) }
    }

    /// The sales history of one subsidiary built from exactly the files the caller names: for
    /// each month, the accepted sales file whose lines are read for it. Which file that is
    /// (later wins, month by month) was decided before the store is asked (`ResolvedInputs`),
    /// so a workbook's lineage and its figures can never name different files.
    public func salesHistory(effective: [YearMonth: Submission]) throws -> SalesHistory {
        for submission in effective.values { try Self.checkReadable(submission, as: .sales) }
        let monthIndexes = effective.keys.map(\.index)
        guard let low = monthIndexes.min(), let high = monthIndexes.max() else { return SalesHistory() }
        // A customer's months usually come from several files (one per quarter or month): each row
        // goes straight into the history's month cells for the customer, with no dictionary per
        // customer to build.
        let span = high - low + 1
        var builder = SalesHistoryBuilder(firstMonth: YearMonth(index: low), monthCount: span)
        try db.read { db in
            let bySubmission = Dictionary(grouping: effective, by: { $0.value.id ?? -1 })
            for (id, entries) in bySubmission {
                var wanted = [Bool](repeating: false, count: span)
                for (m, _) in entries { wanted[m.index - low] = true }
                // A file's rows are inserted in one transaction, so their rowids are one run: read
                // that run of the table in rowid order rather than through the primary-key index,
                // which costs an index seek and a table seek a row. The submissionId test keeps the
                // result exact whatever the rowids. Rows come in no particular order.
                var bounds: (first: Int64, last: Int64)?
                try StoredRow.forEach(db, sql: "SELECT min(rowid), max(rowid) FROM sales_month WHERE submissionId = ?",
                                      table: "sales_month", arguments: [id]) { row in
                    if let first = try row.optionalInt64(0), let last = try row.optionalInt64(1) { bounds = (first, last) }
                }
                guard let bounds else { continue }
                var customer: String?
                var slot = 0
                try StoredRow.forEach(db, sql: """
                    SELECT customerId, month, sales, cost, nonZeroLines, lines, latestName, latestNameDate, latestNameSequence
                    FROM sales_month NOT INDEXED WHERE rowid BETWEEN ? AND ? AND submissionId = ?
                    """, table: "sales_month", arguments: [bounds.first, bounds.last, id]) { row in
                    let month = try row.int(1)
                    let column = month - low
                    guard column >= 0, column < span, wanted[column] else { return }
                    // The name is usually the one the customer's previous month set: when the
                    // bytes are the same, that String is handed back instead of a new one (no
                    // allocation, no UTF-8 validation). It made no difference to the peak RSS
                    // (issue 21: the builder keeps one name per run of months anyway); it is here
                    // for the CPU (issue 15, BENCHMARKS.md).
                    let id = try row.string(0)
                    if id != customer {
                        customer = id
                        slot = builder.row(of: id)
                    }
                    let latestName = try row.string(6, sameAs: builder.latestName(inRow: slot))
                    builder.set(row: slot, month: YearMonth(index: month), figures: try row.int64(2), cost: try row.int64(3),
                                nonZeroLines: try row.int(4), lines: try row.int(5), latestName: latestName,
                                latestNameRecency: LineRecency(date: try row.int(7), sequence: try row.int(8)))
                }
            }
        }
        return builder.history { effective[$0]?.hasCost ?? false }
    }

    /// A submission a loader was asked to read is not an accepted file of that kind: a resolution
    /// that names the wrong file is a bug kam reports instead of reading some other file's rows.
    public struct NotReadable: Error, CustomStringConvertible {
        public let submission: Submission
        public let expected: InputKind

        public init(submission: Submission, expected: InputKind) {
            self.submission = submission
            self.expected = expected
        }

        public var description: String {
            "internal error: asked to read \(submission.subsidiary)/\(submission.fileName) (id \(submission.id.map(String.init) ?? "none"), "
                + "\(submission.kind?.rawValue ?? "no kind"), \(submission.status.rawValue)) as an accepted \(expected.rawValue) file. No workbook was written from it; "
                + "please report this with the store file."
        }
    }

    static func checkReadable(_ submission: Submission, as kind: InputKind) throws {
        guard submission.id != nil, submission.kind == kind, submission.status == .accepted else {
            throw NotReadable(submission: submission, expected: kind)
        }
    }

    // MARK: Deliveries

    public func latestDelivery(job: String, owner: String, period: Period) throws -> Delivery? {
        try db.read { db in
            try Delivery.filter(Delivery.Columns.job == job && Delivery.Columns.owner == owner && Delivery.Columns.period == period)
                .order(Delivery.Columns.revision.desc).fetchOne(db)
        }
    }
}
