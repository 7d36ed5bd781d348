import GRDB
import KamIngest
import KamPolicy

/// A drop file as kam received it: the basis of submission status (on time, late), of
/// supersession (later wins) and of every workbook's lineage.
public struct Submission: Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "submission"

    /// Whether the file was taken in. Stored as `accepted` or `rejected`.
    public enum Status: String, Sendable, CaseIterable, DatabaseValueConvertible {
        case accepted
        case rejected
    }

    public var id: Int64?
    public var subsidiary: String
    /// Nil for a rejected file whose name states no kind (stored as `""`).
    public var kind: InputKind?
    /// A month (`2026-09`) or a quarter (`2026Q3`); nil for a rejected file whose name states
    /// no period (stored as `""`).
    public var period: Period?
    public var fileName: String
    public var sha256: String
    /// Unix seconds: the file's mtime when first seen, or the first-seen time if earlier.
    public var receivedAt: Int64
    public var status: Status
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
        public static let id = Column("id")
        public static let subsidiary = Column("subsidiary")
        public static let kind = Column("kind")
        public static let period = Column("period")
        public static let sha256 = Column("sha256")
        public static let status = Column("status")
        public static let receivedAt = Column("receivedAt")
        public static let fileName = Column("fileName")
        public static let problemCount = Column("problemCount")
        public static let readSettings = Column("readSettings")
    }

    public init(id: Int64? = nil, subsidiary: String, kind: InputKind?, period: Period?, fileName: String, sha256: String,
                receivedAt: Int64, status: Status, encoding: String?, rowCount: Int, badRowCount: Int, problemCount: Int,
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

    /// Written by hand rather than through Codable: a missing kind or period is the empty text
    /// in a NOT NULL column, as it always was, where Codable would write NULL.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["subsidiary"] = subsidiary
        container["kind"] = kind?.rawValue ?? ""
        container["period"] = period?.description ?? ""
        container["fileName"] = fileName
        container["sha256"] = sha256
        container["receivedAt"] = receivedAt
        container["status"] = status
        container["encoding"] = encoding
        container["rowCount"] = rowCount
        container["badRowCount"] = badRowCount
        container["problemCount"] = problemCount
        container["hasCost"] = hasCost
        container["amountTotal"] = amountTotal
        container["costTotal"] = costTotal
        container["archivePath"] = archivePath
        container["receiptPath"] = receiptPath
        container["warningCount"] = warningCount
        container["readSettings"] = readSettings
    }

    /// A kind, period or status kam never writes is a `StoredValueProblem` naming the column and
    /// text; a NULL where kam always writes a value is GRDB's decoding error. Neither traps.
    public init(row: Row) throws {
        let table = Self.databaseTableName
        id = try row.decode(Int64?.self, forColumn: "id")
        subsidiary = try row.decode(String.self, forColumn: "subsidiary")
        kind = try row.storedUnlessEmpty("kind", of: table)
        period = try row.storedUnlessEmpty("period", of: table)
        fileName = try row.decode(String.self, forColumn: "fileName")
        sha256 = try row.decode(String.self, forColumn: "sha256")
        receivedAt = try row.decode(Int64.self, forColumn: "receivedAt")
        status = try row.stored("status", of: table)
        encoding = try row.decode(String?.self, forColumn: "encoding")
        rowCount = try row.decode(Int.self, forColumn: "rowCount")
        badRowCount = try row.decode(Int.self, forColumn: "badRowCount")
        problemCount = try row.decode(Int.self, forColumn: "problemCount")
        hasCost = try row.decode(Bool.self, forColumn: "hasCost")
        amountTotal = try row.decode(Int64.self, forColumn: "amountTotal")
        costTotal = try row.decode(Int64.self, forColumn: "costTotal")
        archivePath = try row.decode(String.self, forColumn: "archivePath")
        receiptPath = try row.decode(String.self, forColumn: "receiptPath")
        warningCount = try row.decode(Int.self, forColumn: "warningCount")
        readSettings = try row.decode(String.self, forColumn: "readSettings")
    }
}
