import GRDB

/// A drop entry the latest ingest could not handle (the scheduler's `DropProblem`), kept so
/// `kam status` and the portal can name it until a run handles it.
public struct DropProblemRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "drop_problem"

    public var subsidiary: String
    public var fileName: String
    public var reason: String

    public init(subsidiary: String, fileName: String, reason: String) {
        self.subsidiary = subsidiary
        self.fileName = fileName
        self.reason = reason
    }
}

extension KamStore {
    /// Replaces the recorded problems with those of the ingest that just ran.
    public func replaceDropProblems(_ problems: [DropProblemRecord]) throws {
        try write { db in
            try DropProblemRecord.deleteAll(db)
            for p in problems { try p.insert(db) }
        }
    }

    public func dropProblems() throws -> [DropProblemRecord] {
        try read { db in try DropProblemRecord.order(Column("subsidiary"), Column("fileName")).fetchAll(db) }
    }

    /// Submissions that are this file: same subsidiary, name and bytes (SPEC §8). The same
    /// bytes under another name are another submission.
    public func submissions(subsidiary: String, fileName: String, sha256: String) throws -> [Submission] {
        try read { db in
            try Submission.filter(Submission.Columns.subsidiary == subsidiary && Submission.Columns.fileName == fileName
                                  && Submission.Columns.sha256 == sha256)
                .order(Submission.Columns.id).fetchAll(db)
        }
    }
}
