import GRDB

/// The schema, as named migrations. A migration that has shipped is never edited: change
/// the schema with a new one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-submissions") { db in
            try db.create(table: "submission") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("subsidiary", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("period", .text).notNull()
                t.column("fileName", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("receivedAt", .integer).notNull()
                t.column("status", .text).notNull()
                t.column("encoding", .text)
                t.column("rowCount", .integer).notNull()
                t.column("badRowCount", .integer).notNull()
                t.column("problemCount", .integer).notNull()
                t.column("hasCost", .boolean).notNull()
                t.column("amountTotal", .integer).notNull()
                t.column("costTotal", .integer).notNull()
                t.column("archivePath", .text).notNull()
                t.uniqueKey(["subsidiary", "sha256"])
            }
        }
        migrator.registerMigration("v1-sales-months") { db in
            // One row per accepted sales file × customer × month: the grain every sales rule sums.
            try db.create(table: "sales_month") { t in
                t.column("submissionId", .integer).notNull().references("submission", onDelete: .cascade)
                t.column("customerId", .text).notNull()
                t.column("month", .integer).notNull()  // YearMonth.index
                t.column("sales", .integer).notNull()
                t.column("cost", .integer).notNull()
                t.column("nonZeroLines", .integer).notNull()
                t.column("lines", .integer).notNull()
                t.column("latestName", .text).notNull()
                t.column("latestNameDate", .integer).notNull()
                t.column("latestNameSequence", .integer).notNull()
                t.primaryKey(["submissionId", "customerId", "month"])
            }
        }
        migrator.registerMigration("v1-deliveries") { db in
            try db.create(table: "delivery") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("job", .text).notNull()
                t.column("owner", .text).notNull()
                t.column("period", .text).notNull()
                t.column("revision", .integer).notNull()
                t.column("fireTime", .text).notNull()
                t.column("path", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("inputs", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("deliveredAt", .integer).notNull()
                t.uniqueKey(["job", "owner", "period", "revision"])
            }
        }
        migrator.registerMigration("v2-run-log") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("startedAt", .integer).notNull()
                t.column("finishedAt", .integer)
                t.column("asOf", .text).notNull()
                t.column("acceptedFiles", .integer).notNull()
                t.column("rejectedFiles", .integer).notNull()
                t.column("delivered", .integer).notNull()
                t.column("failed", .integer).notNull()
            }
            try db.create(table: "job_failure") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("job", .text).notNull()
                t.column("owner", .text).notNull()
                t.column("period", .text).notNull()
                t.column("error", .text).notNull()
                t.column("failedAt", .integer).notNull()
            }
            try db.create(table: "submission_status") { t in
                t.column("deliveryId", .integer).notNull().references("delivery", onDelete: .cascade)
                t.column("subsidiary", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("period", .text).notNull()
                t.column("status", .text).notNull()
                t.column("receivedAt", .integer)
                t.primaryKey(["deliveryId", "subsidiary", "kind", "period"])
            }
            // What the last completed run had already checked for revisions: a run with no
            // accepted file newer than this has nothing to re-check.
            try db.create(table: "ledger_state") { t in
                t.primaryKey("key", .text)
                t.column("value", .integer).notNull()
            }
        }
        migrator.registerMigration("v2-receivables") { db in
            // One row per customer of an accepted receivables snapshot, in file order (seq).
            try db.create(table: "receivable_row") { t in
                t.column("submissionId", .integer).notNull().references("submission", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("customerId", .text).notNull()
                t.column("receivable", .integer).notNull()
                t.column("overdue", .integer).notNull()
                t.column("collected", .integer).notNull()
                t.column("paymentTerms", .text).notNull()
                t.primaryKey(["submissionId", "seq"])
            }
        }
        migrator.registerMigration("v2-customer-files") { db in
            try db.create(table: "customer_file_row") { t in
                t.column("submissionId", .integer).notNull().references("submission", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("customerId", .text).notNull()
                for name in ["customer_name", "credit_code", "industry", "region", "legal_rep", "contact", "phone",
                             "address", "account_manager"] {
                    t.column(name, .text).notNull()
                }
                t.primaryKey(["submissionId", "seq"])
            }
        }
        migrator.registerMigration("v2-visits") { db in
            try db.create(table: "visit_row") { t in
                t.column("submissionId", .integer).notNull().references("submission", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("date", .integer).notNull()  // LocalDate.daysSinceEpoch
                t.column("customerId", .text).notNull()
                t.column("visitor", .text).notNull()
                t.column("role", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("notes", .text).notNull()
                t.primaryKey(["submissionId", "seq"])
            }
        }
        migrator.registerMigration("v2-approvals") { db in
            try db.create(table: "approval_row") { t in
                t.column("submissionId", .integer).notNull().references("submission", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("customerId", .text).notNull()
                t.column("approvedLimit", .integer).notNull()
                t.column("approvedBy", .text).notNull()
                t.primaryKey(["submissionId", "seq"])
            }
        }
        migrator.registerMigration("v2-submission-receipts") { db in
            try db.alter(table: "submission") { t in
                t.add(column: "receiptPath", .text).notNull().defaults(to: "")
                t.add(column: "warningCount", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v3-delivery-figures") { db in
            // The key figures a workbook stated (JSON), so a consolidation can reconcile with
            // the subsidiary workbook as delivered, not with a recomputation.
            try db.alter(table: "delivery") { t in t.add(column: "figures", .text).notNull().defaults(to: "") }
        }
        migrator.registerMigration("v4-report-cache") { db in
            // Figures computed for one subsidiary and period, kept with what they were computed
            // from (config, kam build, input files), so a later run's consolidation reuses them
            // instead of recomputing every subsidiary (KamScheduler's ReportMemo).
            try db.create(table: "report_cache") { t in
                t.column("kind", .text).notNull()
                t.column("subsidiary", .text).notNull()
                t.column("period", .text).notNull()
                // The period's last month (YearMonth.index), for pruning old entries.
                t.column("lastMonth", .integer).notNull()
                t.column("computedFrom", .text).notNull()
                t.column("payload", .blob).notNull()
                t.primaryKey(["kind", "subsidiary", "period"])
            }
        }
        migrator.registerMigration("v5-submission-identity") { db in
            // A drop file is the same submission as an earlier one only when subsidiary, file
            // name and bytes are all equal (SPEC §8): v1's unique (subsidiary, sha256) made a
            // header-only file identical to last month's vanish. A rejected file is judged again
            // when the reading settings that judged it change, so the settings are part of the
            // key. SQLite cannot drop a constraint: the table is rebuilt (the migrator defers
            // foreign-key checks, so the rows that reference submission ids stay as they are).
            try db.execute(sql: """
                CREATE TABLE submission_v5 (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  subsidiary TEXT NOT NULL, kind TEXT NOT NULL, period TEXT NOT NULL, fileName TEXT NOT NULL,
                  sha256 TEXT NOT NULL, receivedAt INTEGER NOT NULL, status TEXT NOT NULL, encoding TEXT,
                  rowCount INTEGER NOT NULL, badRowCount INTEGER NOT NULL, problemCount INTEGER NOT NULL,
                  hasCost BOOLEAN NOT NULL, amountTotal INTEGER NOT NULL, costTotal INTEGER NOT NULL,
                  archivePath TEXT NOT NULL, receiptPath TEXT NOT NULL DEFAULT '', warningCount INTEGER NOT NULL DEFAULT 0,
                  readSettings TEXT NOT NULL DEFAULT '');
                INSERT INTO submission_v5 (id, subsidiary, kind, period, fileName, sha256, receivedAt, status, encoding,
                  rowCount, badRowCount, problemCount, hasCost, amountTotal, costTotal, archivePath, receiptPath, warningCount)
                SELECT id, subsidiary, kind, period, fileName, sha256, receivedAt, status, encoding,
                  rowCount, badRowCount, problemCount, hasCost, amountTotal, costTotal, archivePath, receiptPath, warningCount
                FROM submission;
                DROP TABLE submission;
                ALTER TABLE submission_v5 RENAME TO submission;
                CREATE UNIQUE INDEX submission_identity ON submission(subsidiary, fileName, sha256, readSettings);
                CREATE INDEX submission_by_kind ON submission(subsidiary, kind, status);
                """)
            // Drop entries the latest ingest could not handle, for `kam status`.
            try db.create(table: "drop_problem") { t in
                t.column("subsidiary", .text).notNull()
                t.column("fileName", .text).notNull()
                t.column("reason", .text).notNull()
            }
        }
        migrator.registerMigration("v6-outbox") { db in
            // SPEC §9: one row per (recipient, channel, item), queued -> sent | failed (retried at
            // retry_minutes) | gave-up (the operator was told). The unique key makes queueing
            // idempotent, so a reminder or notice is queued once however many runs see it.
            try db.create(table: "outbox_item") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recipient", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("itemKey", .text).notNull()
                t.column("period", .text).notNull()
                t.column("payload", .text).notNull()
                t.column("status", .text).notNull()
                t.column("attempts", .integer).notNull()
                t.column("error", .text).notNull()
                t.column("queuedAt", .integer).notNull()
                t.column("nextTryAt", .integer)
                t.column("sentAt", .integer)
                t.column("messageId", .text).notNull()
                t.uniqueKey(["recipient", "channel", "itemKey"])
            }
            try db.create(index: "outbox_item_due", on: "outbox_item", columns: ["status", "nextTryAt"])
        }
        migrator.registerMigration("v7-portal") { db in
            // SPEC §10, the portal: users (bcrypt hashes only), per-user bearer tokens and session
            // ids (SHA-256 of the secret only, so a copy of the store logs nobody in), failed logins
            // for the lock-out, and the access record (seed 002 第五条), kept at least a year.
            try db.create(table: "portal_user") { t in
                t.primaryKey("name", .text)
                t.column("scope", .text).notNull()
                t.column("email", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("disabled", .boolean).notNull()
                t.column("createdAt", .integer).notNull()
            }
            try db.create(table: "portal_token") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("userName", .text).notNull().references("portal_user", onDelete: .cascade)
                t.column("tokenHash", .text).notNull().unique()
                t.column("createdAt", .integer).notNull()
                t.column("revokedAt", .integer)
            }
            try db.create(table: "portal_session") { t in
                t.primaryKey("idHash", .text)
                t.column("userName", .text).notNull().references("portal_user", onDelete: .cascade)
                t.column("csrf", .text).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("lastSeenAt", .integer).notNull()
            }
            try db.create(table: "portal_login_failure") { t in
                t.column("name", .text).notNull()
                t.column("at", .integer).notNull()
            }
            try db.create(index: "portal_login_failure_by_name", on: "portal_login_failure", columns: ["name", "at"])
            try db.create(table: "access_record") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .integer).notNull()
                t.column("userName", .text).notNull()
                t.column("action", .text).notNull()
                t.column("what", .text).notNull()
                t.column("address", .text).notNull()
                t.column("outcome", .text).notNull()
            }
            try db.create(index: "access_record_by_time", on: "access_record", columns: ["at"])
        }
        migrator.registerMigration("v8-delivery-missing-inputs") { db in
            // The inputs a delivered workbook's 数据不完整 banner lists, so the mail that carries it
            // flags it from the same list (SPEC §9). Earlier deliveries read as complete here; their
            // recorded submission statuses still flag the consolidations among them.
            try db.alter(table: "delivery") { t in
                t.add(column: "missingInputs", .text).notNull().defaults(to: "")
                // SPEC §8: revise only on a visible change (`Delivery.visibleDigest`, `checkedInputs`).
                t.add(column: "visibleDigest", .text).notNull().defaults(to: "")
                t.add(column: "checkedInputs", .text).notNull().defaults(to: "")
            }
        }
        return migrator
    }
}
