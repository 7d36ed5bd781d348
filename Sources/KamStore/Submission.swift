import GRDB

/// A drop file as kam received it: the basis of submission status (on time, late), of
/// supersession (later wins) and of every workbook's lineage.
public struct Submission: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "submission"

    public var id: Int64?
    public var subsidiary: String
    public var kind: String
    /// `2026-09` or `2026Q3`.
    public var period: String
    public var fileName: String
    public var sha256: String
    /// Unix seconds: the file's mtime when first seen, or the first-seen time if earlier.
    public var receivedAt: Int64
    /// `accepted` or `rejected`.
    public var status: String
    public var encoding: String?
    public var rowCount: Int
    public var badRowCount: Int
    public var problemCount: Int
    public var hasCost: Bool
    public var amountTotal: Int64
    public var costTotal: Int64
    /// Where the original bytes are kept, relative to the data folder.
    public var archivePath: String
    /// Where the file's CSV receipt was written, relative to the drop folder
    /// (`HG01/receipts/sales_2026-09.csv.20261003-100000.receipt.csv`; the xlsx receipt is beside
    /// it, `….receipt.xlsx`; names without the received time are from before it); empty before
    /// receipts existed.
    public var receiptPath: String = ""
    /// Warnings on the receipt (e.g. header only), so `kam status` can list files worth a look.
    public var warningCount: Int = 0
    /// The reading settings (encoding, column mapping, tolerance) the file was judged with;
    /// empty for files received before they were kept. A rejected file is read again when
    /// they change.
    public var readSettings: String = ""

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let subsidiary = Column(CodingKeys.subsidiary)
        public static let kind = Column(CodingKeys.kind)
        public static let sha256 = Column(CodingKeys.sha256)
        public static let status = Column(CodingKeys.status)
        public static let receivedAt = Column(CodingKeys.receivedAt)
        public static let fileName = Column(CodingKeys.fileName)
        public static let problemCount = Column(CodingKeys.problemCount)
        public static let readSettings = Column(CodingKeys.readSettings)
    }

    public static let accepted = "accepted"
    public static let rejected = "rejected"

    public init(id: Int64? = nil, subsidiary: String, kind: String, period: String, fileName: String, sha256: String,
                receivedAt: Int64, status: String, encoding: String?, rowCount: Int, badRowCount: Int, problemCount: Int,
                hasCost: Bool, amountTotal: Int64, costTotal: Int64, archivePath: String,
                receiptPath: String = "", warningCount: Int = 0, readSettings: String = "") {
        self.id = id
        self.subsidiary = subsidiary
        self.kind = kind
        self.period = period
        self.fileName = fileName
        self.sha256 = sha256
        self.receivedAt = receivedAt
        self.status = status
        self.encoding = encoding
        self.rowCount = rowCount
        self.badRowCount = badRowCount
        self.problemCount = problemCount
        self.hasCost = hasCost
        self.amountTotal = amountTotal
        self.costTotal = costTotal
        self.archivePath = archivePath
        self.receiptPath = receiptPath
        self.warningCount = warningCount
        self.readSettings = readSettings
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
