import GRDB
import GRDBSQLite
import KamIngest
import KamPolicy

/// The store's side of every kind of drop file: an accepted file and its rows go in as one
/// transaction (a crash leaves either the whole file or nothing), and come back file by file.
/// The store never decides which file supersedes which: a reader names the files it reads.
extension KamStore {
    /// Records an accepted file of any kind with its rows, in one transaction.
    @discardableResult
    public func recordAccepted(_ submission: Submission, records: AcceptedRecords) throws -> Submission {
        try db.write { db in try Self.insertAccepted(submission, records: records, db: db) }
    }

    /// One drop file for `record(_:)`: accepted with its rows, or rejected.
    public enum Recording: Sendable {
        case accepted(Submission, AcceptedRecords)
        case rejected(Submission)
    }

    /// What `record(_:)` stored for one file: the submission with its id and, for an accepted
    /// file, the accepted submissions of its subsidiary and kind as they stood right after it
    /// (what its receipt describes its effect against, exactly as when each file had its own
    /// commit); empty for a rejected file.
    public struct Recorded: Sendable {
        public let submission: Submission
        public let acceptedOfKind: [Submission]
    }

    /// Records several drop files in one transaction, in order, as `recordAccepted` and
    /// `recordRejected` would one after the other: a crash leaves all of them or none. One
    /// commit (one fsync of the log) for many small files instead of one each; the ingest
    /// batches the files it has read, so a group's 890 drop files are not 890 commits.
    public func record(_ files: [Recording]) throws -> [Recorded] {
        try db.write { db in
            try files.map { file in
                switch file {
                case .accepted(let submission, let records):
                    let stored = try Self.insertAccepted(submission, records: records, db: db)
                    return Recorded(submission: stored, acceptedOfKind: try Self.acceptedSubmissions(
                        subsidiary: stored.subsidiary, kind: records.kind, db: db))
                case .rejected(let submission):
                    var s = submission
                    s.status = .rejected
                    try s.insert(db)
                    return Recorded(submission: s, acceptedOfKind: [])
                }
            }
        }
    }

    static func insertAccepted(_ submission: Submission, records: AcceptedRecords, db: Database) throws -> Submission {
        var s = submission
        s.status = .accepted
        s.kind = records.kind
        try s.insert(db)
        guard let id = s.id else { return s }
        switch records {
        case .sales(let file): try Self.insertSales(file, submissionId: id, db: db)
        case .receivables(let rows):
            try RawInsert.rows(db, into: "receivable_row (submissionId, seq, customerId, receivable, overdue, collected, paymentTerms)",
                               columns: 7) { insert in
                for (i, r) in rows.enumerated() {
                    try insert.row { b in
                        b.int(id); b.int(i); b.text(r.customerID); b.int(r.receivable); b.int(r.overdue); b.int(r.collected)
                        b.text(r.paymentTerms)
                    }
                }
            }
        case .customers(let rows):
            let names = CustomerFileRecord.fieldNames
            try RawInsert.rows(db, into: "customer_file_row (submissionId, seq, customerId, \(names.joined(separator: ", ")))",
                               columns: 3 + names.count) { insert in
                // A row's cells by walking its dictionary once and placing each value by name
                // (a few short-string compares), instead of hashing every column name per row.
                var cells = [String](repeating: "", count: names.count)
                for (i, r) in rows.enumerated() {
                    for k in cells.indices { cells[k] = "" }
                    for (name, value) in r.fields {
                        if let k = names.firstIndex(of: name) { cells[k] = value }
                    }
                    try insert.row { b in
                        b.int(id); b.int(i); b.text(r.customerID)
                        for cell in cells { b.text(cell) }
                    }
                }
            }
        case .visits(let rows):
            try RawInsert.rows(db, into: "visit_row (submissionId, seq, date, customerId, visitor, role, purpose, notes)",
                               columns: 8) { insert in
                for (i, r) in rows.enumerated() {
                    try insert.row { b in
                        b.int(id); b.int(i); b.int(r.date.daysSinceEpoch); b.text(r.customerID); b.text(r.visitor)
                        b.text(r.role.rawValue); b.text(r.purpose); b.text(r.notes)
                    }
                }
            }
        case .approvals(let rows):
            try RawInsert.rows(db, into: "approval_row (submissionId, seq, customerId, approvedLimit, approvedBy)", columns: 5) { insert in
                for (i, r) in rows.enumerated() {
                    try insert.row { b in
                        b.int(id); b.int(i); b.text(r.customerID); b.int(r.approvedLimit); b.text(r.approvedBy)
                    }
                }
            }
        }
        return s
    }

    /// The sales aggregates, one row per customer × month: millions for a group-sized file,
    /// so bound straight through SQLite's C API (about twice GRDB's argument arrays).
    static func insertSales(_ file: SalesFile, submissionId id: Int64, db: Database) throws {
        // In primary-key order (the id's bytes, as SQLite's BINARY collation compares them,
        // then the month) when the reader listed it: each row then lands at the end of the
        // key's index instead of at a random page of it. Which row gets which rowid is no
        // part of what is stored.
        let ordered = file.orderedMonths.count == file.months.count ? file.orderedMonths : file.months.map { ($0.key, $0.value) }
        try RawInsert.rows(db, into: """
            sales_month (submissionId, customerId, month, sales, cost, nonZeroLines, lines,
                         latestName, latestNameDate, latestNameSequence)
            """, columns: 10) { insert in
            for (key, f) in ordered {
                try insert.row { b in
                    b.int(id); b.text(key.customerID); b.int(key.month.index); b.int(f.sales); b.int(f.cost)
                    b.int(f.nonZeroLines); b.int(f.lines); b.text(f.latestName); b.int(f.latestNameRecency.date)
                    b.int(f.latestNameRecency.sequence)
                }
            }
        }
    }

    /// Every submission (accepted and rejected) of (subsidiary, kind, period), in received
    /// order: received time, then file name, then id (SPEC §8).
    public func submissions(subsidiary: String, kind: InputKind, period: Period) throws -> [Submission] {
        try db.read { db in
            try Submission
                .filter(Submission.Columns.subsidiary == subsidiary && Submission.Columns.kind == kind
                        && Submission.Columns.period == period)
                .order(Submission.Columns.receivedAt, Submission.Columns.fileName, Submission.Columns.id)
                .fetchAll(db)
        }
    }

    /// Files whose receipt lists errors (rejected, or accepted with bad rows dropped), most
    /// recent first: what `kam status` shows a subsidiary's clerk should look at.
    public func submissionsWithProblems() throws -> [Submission] {
        try db.read { db in
            try Submission.filter(Submission.Columns.problemCount > 0)
                .order(Submission.Columns.receivedAt.desc, Submission.Columns.id.desc).fetchAll(db)
        }
    }

    /// The rows of one accepted `receivables` file, in file order.
    public func receivables(of submission: Submission) throws -> [ReceivableRecord] {
        try records(of: submission, kind: .receivables, table: "receivable_row", sql: """
            SELECT customerId, receivable, overdue, collected, paymentTerms FROM receivable_row WHERE submissionId = ? ORDER BY seq
            """) { row in
            ReceivableRecord(customerID: try row.string(0), receivable: try row.int64(1), overdue: try row.int64(2),
                             collected: try row.int64(3), paymentTerms: try row.string(4))
        }
    }

    /// The rows of one accepted `customers` file, in file order.
    public func customerFiles(of submission: Submission) throws -> [CustomerFileRecord] {
        let names = CustomerFileRecord.fieldNames
        return try records(of: submission, kind: .customers, table: "customer_file_row", sql: """
            SELECT customerId, \(names.joined(separator: ", ")) FROM customer_file_row WHERE submissionId = ? ORDER BY seq
            """) { row in
            var fields: [String: String] = Dictionary(minimumCapacity: names.count)
            for (i, name) in names.enumerated() { fields[name] = try row.string(i + 1) }
            return CustomerFileRecord(customerID: try row.string(0), fields: fields)
        }
    }

    /// The customer_id, 客户名称 and 统一社会信用代码 of each row of one accepted `customers` file, in
    /// file order: the same values `customerFiles(of:)` gives, three columns of ten read and no
    /// field dictionary built per row (hq-quarterly's 跨公司客户 reads every subsidiary's file).
    public func customerIdentities(of submission: Submission) throws -> [CustomerFileIdentity] {
        try records(of: submission, kind: .customers, table: "customer_file_row", sql: """
            SELECT customerId, customer_name, credit_code FROM customer_file_row WHERE submissionId = ? ORDER BY seq
            """) { row in
            CustomerFileIdentity(customerID: try row.string(0), customerName: try row.string(1), creditCode: try row.string(2))
        }
    }

    /// The rows of one accepted `visits` file, in file order.
    public func visits(of submission: Submission) throws -> [VisitRecord] {
        try records(of: submission, kind: .visits, table: "visit_row", sql: """
            SELECT date, customerId, visitor, role, purpose, notes FROM visit_row WHERE submissionId = ? ORDER BY seq
            """) { row in
            let role = try row.string(3)
            // Only the three roles are ever stored; an unknown one would mean a damaged store.
            guard let visitorRole = VisitorRole(rawValue: role) else { throw StoredValueProblem(table: "visit_row", value: role) }
            return VisitRecord(date: LocalDate(daysSinceEpoch: try row.int(0)), customerID: try row.string(1),
                               visitor: try row.string(2), role: visitorRole, purpose: try row.string(4), notes: try row.string(5))
        }
    }

    /// The rows of one accepted `approvals` file, in file order.
    public func approvals(of submission: Submission) throws -> [ApprovalRecord] {
        try records(of: submission, kind: .approvals, table: "approval_row", sql: """
            SELECT customerId, approvedLimit, approvedBy FROM approval_row WHERE submissionId = ? ORDER BY seq
            """) { row in
            ApprovalRecord(customerID: try row.string(0), approvedLimit: try row.int64(1), approvedBy: try row.string(2))
        }
    }

    /// Reads one file's rows. Which file supersedes which is decided before the store is asked
    /// (`SubmissionIndex`): the store reads the file it is given, and only an accepted one of the kind.
    private func records<R: Sendable>(of submission: Submission, kind: InputKind, table: String, sql: String,
                                      make: (StoredRow) throws -> R) throws -> [R] {
        try Self.checkReadable(submission, as: kind)
        let id = submission.id ?? -1
        return try db.read { db in
            var records: [R] = []
            records.reserveCapacity(submission.rowCount)
            try StoredRow.forEach(db, sql: sql, table: table, arguments: [id]) { records.append(try make($0)) }
            return records
        }
    }
}
