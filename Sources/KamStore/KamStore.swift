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

    /// Opens (creating if needed) the store at `path` and migrates it. The file is 0600:
    /// it holds confidential customer data.
    /// Other processes (a `kam status`, a `kam backup`, the daemon and cron) may hold the file
    /// for a moment: wait for them rather than fail.
    public static let busyTimeout: TimeInterval = 30

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
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try StoreMigrations.migrator.migrate(pool)
        db = pool
    }

    /// An in-memory store, for tests.
    public init() throws {
        let queue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(queue)
        db = queue
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T { try db.read(body) }
    func write<T>(_ body: (Database) throws -> T) throws -> T { try db.write(body) }

    // MARK: Submissions

    /// Records a rejected file: it supersedes nothing, but its receipt and status are kept.
    @discardableResult
    public func recordRejected(_ submission: Submission) throws -> Submission {
        try db.write { db in
            var s = submission
            s.status = Submission.rejected
            try s.insert(db)
            return s
        }
    }

    /// Accepted submissions of one kind for a subsidiary, in supersession order: received
    /// time, then name (SPEC §8). Later entries win.
    public func acceptedSubmissions(subsidiary: String, kind: InputKind) throws -> [Submission] {
        try db.read { db in
            try Submission
                .filter(Submission.Columns.subsidiary == subsidiary && Submission.Columns.kind == kind.rawValue
                        && Submission.Columns.status == Submission.accepted)
                .order(Submission.Columns.receivedAt, Submission.Columns.fileName, Submission.Columns.id)
                .fetchAll(db)
        }
    }

    public func allSubmissions() throws -> [Submission] {
        try db.read { db in try Submission.order(Submission.Columns.id).fetchAll(db) }
    }

    /// The effective sales of a subsidiary over `months`: for each month, the latest accepted
    /// file whose period covers it (later wins, month by month), and the submissions used.
    public func salesHistory(subsidiary: String, months: [YearMonth]) throws -> (SalesHistory, [Submission]) {
        let submissions = try acceptedSubmissions(subsidiary: subsidiary, kind: .sales)
        var effective: [YearMonth: Submission] = [:]
        for s in submissions {
            guard let period = Period(parsing: s.period) else { continue }
            for m in period.months where months.contains(m) { effective[m] = s }
        }
        let monthIndexes = effective.keys.map(\.index)
        guard let low = monthIndexes.min(), let high = monthIndexes.max() else {
            return (SalesHistory(), [])
        }
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
                try RawRows(db, sql: "SELECT min(rowid), max(rowid) FROM sales_month WHERE submissionId = ?",
                            table: "sales_month", arguments: [id]).forEach(db) { row in
                    if let first = try row.optionalInt64(0), let last = try row.optionalInt64(1) { bounds = (first, last) }
                }
                guard let bounds else { continue }
                var customer: String?
                var slot = 0
                let rows = try RawRows(db, sql: """
                    SELECT customerId, month, sales, cost, nonZeroLines, lines, latestName, latestNameDate, latestNameSequence
                    FROM sales_month NOT INDEXED WHERE rowid BETWEEN ? AND ? AND submissionId = ?
                    """, table: "sales_month", arguments: [bounds.first, bounds.last, id])
                try rows.forEach(db) { row in
                    let month = try row.int(1)
                    let column = month - low
                    guard column >= 0, column < span, wanted[column] else { return }
                    let id = try row.string(0, sameAs: customer)
                    if id != customer {
                        customer = id
                        slot = builder.row(of: id)
                    }
                    // A customer's name is usually the same every month: share one String.
                    let latestName = try row.string(6, sameAs: builder.latestName(inRow: slot))
                    builder.set(row: slot, month: YearMonth(index: month), figures: try row.int64(2), cost: try row.int64(3),
                                nonZeroLines: try row.int(4), lines: try row.int(5), latestName: latestName,
                                latestNameRecency: LineRecency(date: try row.int(7), sequence: try row.int(8)))
                }
            }
        }
        let history = builder.history { effective[$0]?.hasCost ?? false }
        let used = Set(effective.values.compactMap(\.id))
        return (history, submissions.filter { used.contains($0.id ?? -1) })
    }

    // MARK: Deliveries

    public func latestDelivery(job: String, owner: String, period: String) throws -> Delivery? {
        try db.read { db in
            try Delivery.filter(Delivery.Columns.job == job && Delivery.Columns.owner == owner && Delivery.Columns.period == period)
                .order(Delivery.Columns.revision.desc).fetchOne(db)
        }
    }
}
