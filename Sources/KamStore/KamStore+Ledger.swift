import GRDB
import KamPolicy

/// The run ledger: the run log, failures, and the state that lets a run with nothing new
/// skip the revision check.
extension KamStore {
    public func startRun(_ run: RunRecord) throws -> RunRecord {
        try write { db in
            var r = run
            try r.insert(db)
            return r
        }
    }

    public func finishRun(_ run: RunRecord) throws {
        try write { db in try run.update(db) }
    }

    public func recentRuns(limit: Int) throws -> [RunRecord] {
        try read { db in try RunRecord.order(Column("id").desc).limit(limit).fetchAll(db) }
    }

    public func recordFailure(_ failure: JobFailure) throws {
        try write { db in
            var f = failure
            try f.insert(db)
        }
    }

    /// Failures of instances that no delivery has since made good.
    public func openFailures() throws -> [JobFailure] {
        try read { db in
            try JobFailure.fetchAll(db, sql: """
                SELECT f.* FROM job_failure f
                WHERE f.id IN (SELECT MAX(id) FROM job_failure GROUP BY job, owner, period)
                  AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.job = f.job AND d.owner = f.owner
                                  AND d.period = f.period AND d.deliveredAt >= f.failedAt)
                ORDER BY f.id
                """)
        }
    }

    /// Records a delivered revision and the submission statuses its workbook stated, in one
    /// transaction, only after the workbook is in place.
    @discardableResult
    public func recordDelivery(_ delivery: Delivery, statuses: [SubmissionStatusRecord]) throws -> Delivery {
        try write { db in
            var d = delivery
            try d.insert(db)
            for var s in statuses {
                s.deliveryId = d.id ?? 0
                try s.insert(db)
            }
            return d
        }
    }

    /// The current (highest) revision of every delivered instance.
    public func currentDeliveries() throws -> [Delivery] {
        try read { db in
            try Delivery.fetchAll(db, sql: """
                SELECT d.* FROM delivery d
                JOIN (SELECT job, owner, period, MAX(revision) AS r FROM delivery GROUP BY job, owner, period) m
                  ON d.job = m.job AND d.owner = m.owner AND d.period = m.period AND d.revision = m.r
                ORDER BY d.id
                """)
        }
    }

    /// The current revision of every instance delivered for `period`.
    public func currentDeliveries(period: Period) throws -> [Delivery] {
        try read { db in
            try Delivery.fetchAll(db, sql: """
                SELECT d.* FROM delivery d WHERE d.period = ? AND d.revision =
                  (SELECT MAX(revision) FROM delivery m WHERE m.job = d.job AND m.owner = d.owner AND m.period = d.period)
                ORDER BY d.id
                """, arguments: [period])
        }
    }

    public func submissions(ids: Set<Int64>) throws -> [Submission] {
        try read { db in try Submission.filter(ids.contains(Column("id"))).fetchAll(db) }
    }

    public func statuses(deliveryId: Int64) throws -> [SubmissionStatusRecord] {
        try read { db in
            try SubmissionStatusRecord.filter(Column("deliveryId") == deliveryId).order(Column("subsidiary"), Column("kind")).fetchAll(db)
        }
    }

    public func ledgerValue(_ key: String) throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT value FROM ledger_state WHERE key = ?", arguments: [key]) }
    }

    public func setLedgerValue(_ key: String, _ value: Int64) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO ledger_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }

    /// The highest submission id, accepted or not: new files since a mark show as a larger id.
    public func latestSubmissionId() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM submission") ?? 0 }
    }
}

extension KamStore {
    /// Every revision the ledger says it wrote: path, period and revision only (a run asks this
    /// before any work, so it does not read every delivery's figures).
    public func deliveredRevisions() throws -> [(path: String, period: String, revision: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT path, period, revision FROM delivery ORDER BY id").map {
                (path: $0["path"], period: $0["period"], revision: $0["revision"])
            }
        }
    }
}

extension KamStore {
    /// A current workbook rebuilt after it disappeared is recorded with the bytes now in place.
    /// A rebuild from `inputs` showed nothing a reader would see as new: the delivered revision
    /// stays, and planning will not rebuild it for the same inputs again.
    public func recordCheckedInputs(deliveryId: Int64, inputs: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE delivery SET checkedInputs = ? WHERE id = ?", arguments: [inputs, deliveryId])
        }
    }

    public func updateDeliveredChecksum(id: Int64, sha256: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE delivery SET sha256 = ? WHERE id = ?", arguments: [sha256, id])
        }
    }
}
