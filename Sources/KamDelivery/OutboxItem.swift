/// One thing kam has to tell someone (SPEC §9): a delivered workbook, a receipt, a reminder,
/// a 未报送 / 逾期 notice or an operator failure. It carries what routing needs (whose it is)
/// and what a message says, never customer figures. Stored as the outbox ledger's payload.
public struct OutboxItem: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case workbook
        case receipt
        /// `remind_days` before a fire time, for an expected input not yet received.
        case reminder
        /// 未报送: the fire time passed without the input.
        case missing
        /// 逾期: the input arrived after its fire time.
        case late
        /// A failed job instance, a run that ended non-zero, a drop file kam could not handle,
        /// or a message that could not be sent after every retry.
        case failure
    }

    public var kind: Kind
    /// Unique per recipient and channel: queueing the same key twice queues it once.
    public var key: String
    /// `2026Q3` or `2026-09`; empty for failures without one.
    public var period: String
    /// The subsidiary the item is about (workbook owner of a subsidiary-tier workbook, receipt,
    /// reminder and notice), if any.
    public var subsidiary: String?
    /// The business line of the item: the subsidiary's line, or a 汇总分析表's own line.
    public var line: String?
    /// For workbooks: the job (`credit-report`) and its tier (`subsidiary`, `management`, `hq`).
    public var job: String?
    public var tier: String?
    public var revision: Int?
    /// One line a person reads first, e.g. `2026Q3 客户资信报表 HG01 (第2版)`.
    public var title: String
    /// Why: the revision reason, what is missing, the error.
    public var detail: String
    /// A workbook built while an input was missing (数据不完整).
    public var incomplete: Bool
    /// A file to attach or copy, absolute; nil for notices.
    public var file: String?
    /// The file's SHA-256 when queued, and where it goes once a later revision replaces it: a
    /// retry or resend attaches this revision's bytes, not whatever is current by then.
    public var sha256: String?
    public var supersededFile: String?

    public init(kind: Kind, key: String, period: String, subsidiary: String? = nil, line: String? = nil, job: String? = nil,
                tier: String? = nil, revision: Int? = nil, title: String, detail: String = "", incomplete: Bool = false,
                file: String? = nil, sha256: String? = nil, supersededFile: String? = nil) {
        self.kind = kind
        self.key = key
        self.period = period
        self.subsidiary = subsidiary
        self.line = line
        self.job = job
        self.tier = tier
        self.revision = revision
        self.title = title
        self.detail = detail
        self.incomplete = incomplete
        self.file = file
        self.sha256 = sha256
        self.supersededFile = supersededFile
    }

    /// The file's name as sent (the workbook's name in `reports/`).
    public var fileName: String? { file.map { String($0.split(separator: "/").last ?? Substring($0)) } }
}
