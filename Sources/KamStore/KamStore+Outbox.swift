import GRDB

/// The outbox ledger: what was queued for whom, what was sent, what waits for a retry.
extension KamStore {
    /// Queues the records that are not queued yet (same recipient, channel and item key: left
    /// as they are), in one transaction. Returns how many were new.
    @discardableResult
    public func enqueueOutbox(_ records: [OutboxRecord]) throws -> Int {
        try write { db in
            var added = 0
            for r in records {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO outbox_item (recipient, channel, itemKey, period, payload, status, attempts, error,
                      queuedAt, nextTryAt, sentAt, messageId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [r.recipient, r.channel, r.itemKey, r.period, r.payload, r.status, r.attempts, r.error,
                                     r.queuedAt, r.nextTryAt, r.sentAt, r.messageId])
                added += db.changesCount
            }
            return added
        }
    }

    /// Queued or failed items whose try is due at `now`, oldest first.
    public func dueOutbox(now: Int64) throws -> [OutboxRecord] {
        try read { db in
            try OutboxRecord.fetchAll(db, sql: """
                SELECT * FROM outbox_item WHERE status IN ('queued', 'failed') AND nextTryAt <= ? ORDER BY id
                """, arguments: [now])
        }
    }

    /// The earliest time an unsent item is due, if any (the daemon wakes for it).
    public func nextOutboxTry() throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(nextTryAt) FROM outbox_item WHERE status IN ('queued', 'failed')")
        }
    }

    /// Saves the outcome of a try for each record (status, attempts, error, next try).
    public func updateOutbox(_ records: [OutboxRecord]) throws {
        try write { db in for r in records { try r.update(db) } }
    }

    /// The ledger, newest first; only unsent items (failed, given up, or waiting) when `undeliveredOnly`.
    public func outbox(undeliveredOnly: Bool = false, failedOnly: Bool = false, limit: Int = 10_000) throws -> [OutboxRecord] {
        try read { db in
            var request = OutboxRecord.all()
            if failedOnly { request = request.filter([OutboxRecord.Status.failed, .gaveUp].contains(Column("status"))) }
            if undeliveredOnly { request = request.filter(Column("status") != OutboxRecord.Status.sent) }
            return try request.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// `kam resend`: queues again, due now, every item of `recipient` (of `period` when given),
    /// sent or not. Returns how many.
    public func requeueOutbox(recipient: String, period: String?, now: Int64) throws -> Int {
        try write { db in
            var sql = "UPDATE outbox_item SET status = 'queued', attempts = 0, error = '', nextTryAt = ?, sentAt = NULL WHERE recipient = ?"
            var arguments: StatementArguments = [now, recipient]
            if let period {
                sql += " AND period = ?"
                arguments += [period]
            }
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
    }
}

extension KamStore {
    /// The highest job failure id (0 when none): the outbox queues failures recorded after a mark.
    public func latestJobFailureId() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM job_failure") ?? 0 }
    }

    public func jobFailures(afterId id: Int64) throws -> [JobFailure] {
        try read { db in try JobFailure.filter(Column("id") > id).order(Column("id")).fetchAll(db) }
    }

    public func latestDeliveryId() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM delivery") ?? 0 }
    }

    public func deliveries(afterId id: Int64) throws -> [Delivery] {
        try read { db in try Delivery.filter(Column("id") > id).order(Column("id")).fetchAll(db) }
    }
}
