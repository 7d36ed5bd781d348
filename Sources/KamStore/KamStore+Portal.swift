import GRDB

/// The portal's tables (migration `v7-portal`): users, tokens, sessions, failed logins and the
/// access record. The portal shares the store with `kam run` and the daemon (WAL: readers never
/// wait for a run's writes; these small writes wait at most `busyTimeout` for a run's commit).
extension KamStore {
    // MARK: Users

    public func addUser(_ user: PortalUser) throws {
        try write { db in try user.insert(db) }
    }

    public func user(named name: String) throws -> PortalUser? {
        try read { db in try PortalUser.fetchOne(db, key: name) }
    }

    public func users() throws -> [PortalUser] {
        try read { db in try PortalUser.order(Column("name")).fetchAll(db) }
    }

    /// Sets a new password hash; the user's sessions end (a changed password logs everyone out).
    public func setPasswordHash(user name: String, hash: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE portal_user SET passwordHash = ? WHERE name = ?", arguments: [hash, name])
            let changed = db.changesCount > 0
            try db.execute(sql: "DELETE FROM portal_session WHERE userName = ?", arguments: [name])
            return changed
        }
    }

    /// Disables a user: their sessions end and their tokens are revoked at once.
    public func disableUser(_ name: String, at now: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE portal_user SET disabled = 1 WHERE name = ?", arguments: [name])
            let changed = db.changesCount > 0
            try db.execute(sql: "DELETE FROM portal_session WHERE userName = ?", arguments: [name])
            try db.execute(sql: "UPDATE portal_token SET revokedAt = ? WHERE userName = ? AND revokedAt IS NULL", arguments: [now, name])
            return changed
        }
    }

    // MARK: Tokens

    /// Stores a new token's hash for `user`; with `revokingOthers`, the user's earlier tokens stop working.
    public func addToken(user: String, tokenHash: String, at now: Int64, revokingOthers: Bool) throws {
        try write { db in
            if revokingOthers {
                try db.execute(sql: "UPDATE portal_token SET revokedAt = ? WHERE userName = ? AND revokedAt IS NULL", arguments: [now, user])
            }
            try db.execute(sql: "INSERT INTO portal_token (userName, tokenHash, createdAt) VALUES (?, ?, ?)", arguments: [user, tokenHash, now])
        }
    }

    public func revokeTokens(user: String, at now: Int64) throws -> Int {
        try write { db in
            try db.execute(sql: "UPDATE portal_token SET revokedAt = ? WHERE userName = ? AND revokedAt IS NULL", arguments: [now, user])
            return db.changesCount
        }
    }

    /// The enabled user a live token belongs to, or nil.
    public func user(tokenHash: String) throws -> PortalUser? {
        try read { db in
            try PortalUser.fetchOne(db, sql: """
                SELECT u.* FROM portal_user u JOIN portal_token t ON t.userName = u.name
                WHERE t.tokenHash = ? AND t.revokedAt IS NULL AND u.disabled = 0
                """, arguments: [tokenHash])
        }
    }

    // MARK: Sessions

    public func addSession(_ session: PortalSession) throws {
        try write { db in try session.insert(db) }
    }

    /// The session and its enabled user, if the session exists and was seen within `idleSeconds`;
    /// its last-seen time moves to `now`. An expired session is deleted.
    public func touchSession(idHash: String, now: Int64, idleSeconds: Int64) throws -> (PortalSession, PortalUser)? {
        try write { db in
            guard var session = try PortalSession.fetchOne(db, key: idHash) else { return nil }
            guard now - session.lastSeenAt <= idleSeconds else {
                try session.delete(db)
                return nil
            }
            guard let user = try PortalUser.fetchOne(db, key: session.userName), !user.disabled else { return nil }
            // Written at most once a minute: a page full of requests does not queue behind a run's commit.
            if now - session.lastSeenAt >= 60 {
                session.lastSeenAt = now
                try session.update(db)
            }
            return (session, user)
        }
    }

    public func deleteSession(idHash: String) throws {
        try write { db in _ = try PortalSession.deleteOne(db, key: idHash) }
    }

    // MARK: Failed logins

    public func recordLoginFailure(name: String, at now: Int64) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO portal_login_failure (name, at) VALUES (?, ?)", arguments: [name, now])
        }
    }

    /// Failed logins for `name` at or after `since`, newest first.
    public func loginFailures(name: String, since: Int64) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT at FROM portal_login_failure WHERE name = ? AND at >= ? ORDER BY at DESC",
                               arguments: [name, since])
        }
    }

    public func clearLoginFailures(name: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM portal_login_failure WHERE name = ?", arguments: [name]) }
    }

    // MARK: Access record

    public func recordAccess(_ record: AccessRecord) throws {
        try write { db in
            var r = record
            try r.insert(db)
        }
    }

    public func accessRecords(limit: Int) throws -> [AccessRecord] {
        try read { db in try AccessRecord.order(Column("id").desc).limit(limit).fetchAll(db) }
    }

    // MARK: What the portal serves

    /// Every delivery revision, oldest first: the portal maps a request to one of these, never to
    /// a file name taken from the request.
    public func allDeliveries() throws -> [Delivery] {
        try read { db in try Delivery.order(Column("id")).fetchAll(db) }
    }

    /// The submission whose receipt was written at `receiptPath` (relative to the drop folder).
    public func submission(receiptPath: String) throws -> Submission? {
        try read { db in
            try Submission.filter(Column("receiptPath") == receiptPath).order(Column("id").desc).fetchOne(db)
        }
    }

    /// The latest submissions of one subsidiary (or of all when nil), newest first.
    public func recentSubmissions(subsidiary: String?, limit: Int) throws -> [Submission] {
        try read { db in
            var q = Submission.all()
            if let subsidiary { q = q.filter(Column("subsidiary") == subsidiary) }
            return try q.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}
