import KamPolicy

/// A drop file read and checked by the rules of its kind, before anything is stored: the one
/// entry point `kam run`, `kam ingest` and `kam validate` share, so a file that validates is
/// a file that ingests.
public struct CheckedFile: Sendable {
    /// What the file name says it is; nil when the name itself is not acceptable.
    public let name: DropFileName?
    public var check: FileCheck
    /// The accepted rows; empty when the name was rejected.
    public var records: AcceptedRecords?
    /// Sums of the money columns over accepted rows, in column order.
    public var totals: [MoneyTotal]
    /// Sales only: whether the file has a cost column (profit is blank without one).
    public var hasCost: Bool

    /// The same answer without the rows: what a receipt keeps, so a long ingest does not hold
    /// every file's rows until it ends.
    public var withoutRecords: CheckedFile {
        var copy = self
        copy.records = nil
        return copy
    }

    public func isAccepted(maxBadRows: Int) -> Bool { records != nil && check.isAccepted(maxBadRows: maxBadRows) }

    /// Reads a file whose kind and period come from its name.
    public static func read(_ bytes: [UInt8], fileName: String, settings: ReadSettings) -> CheckedFile {
        switch DropFileName.parse(fileName) {
        case .success(let name): return read(bytes, name: name, settings: settings)
        case .failure(let problem): return refused(name: fileName, problem)
        }
    }

    /// A file refused for what its name (or the kind and period given for it) says, unread.
    public static func refused(name: String, _ problem: DropFileName.Problem) -> CheckedFile {
        var check = FileCheck()
        check.rejectFile(Diagnostic(line: 0, value: name, reason: problem.reason))
        return CheckedFile(name: nil, check: check, records: nil, totals: [], hasCost: false)
    }

    /// Reads a file from disk. Sales files — the big ones — are streamed; the quarter kinds
    /// hold one row per customer or visit and are read whole.
    public static func read(path: String, fileName: String, settings: ReadSettings,
                            progress: ((Int) -> Void)? = nil) throws(ByteSourceFailure) -> CheckedFile {
        switch DropFileName.parse(fileName) {
        case .failure(let problem): return refused(name: fileName, problem)
        case .success(let name): return try read(path: path, name: name, settings: settings, progress: progress)
        }
    }

    /// Reads a file from disk as the given kind and period (`kam validate --kind/--period`),
    /// streamed as `read(path:fileName:)` streams it.
    public static func read(path: String, name: DropFileName, settings: ReadSettings,
                            progress: ((Int) -> Void)? = nil) throws(ByteSourceFailure) -> CheckedFile {
        switch name.kind {
        case .sales:
            let f = try SalesFile.read(path: path, period: name.period, settings: settings, progress: progress)
            return sales(f, name: name)
        case .receivables, .customers, .visits, .approvals:
            var bytes: [UInt8] = []
            let source = try FileByteSource(path: path)
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = try buffer.withUnsafeMutableBufferPointer { b throws(ByteSourceFailure) -> Int in try source.read(into: b) }
                if n == 0 { break }
                bytes += buffer[0..<n]
            }
            return read(bytes, name: name, settings: settings)
        }
    }

    static func sales(_ f: SalesFile, name: DropFileName) -> CheckedFile {
        // A file whose sums overflowed has no totals to show: its check says why.
        CheckedFile(name: name, check: f.check, records: .sales(f),
                    totals: f.sumsOverflowed ? [] : [MoneyTotal(column: "amount", chinese: "金额", fen: f.amountTotal),
                                                     MoneyTotal(column: "cost", chinese: "成本", fen: f.costTotal)],
                    hasCost: f.hasCostColumn)
    }

    /// Reads a file as the given kind and period.
    public static func read(_ bytes: [UInt8], name: DropFileName, settings: ReadSettings) -> CheckedFile {
        switch name.kind {
        case .sales:
            return sales(SalesFile.read(bytes, period: name.period, settings: settings), name: name)
        case .receivables:
            let f = ReceivablesFile.read(bytes, settings: settings)
            return CheckedFile(name: name, check: f.check, records: .receivables(f.records), totals: f.totals, hasCost: false)
        case .customers:
            let f = CustomersFile.read(bytes, settings: settings)
            return CheckedFile(name: name, check: f.check, records: .customers(f.records), totals: [], hasCost: false)
        case .visits:
            let f = VisitsFile.read(bytes, period: name.period, settings: settings)
            return CheckedFile(name: name, check: f.check, records: .visits(f.records), totals: [], hasCost: false)
        case .approvals:
            let f = ApprovalsFile.read(bytes, settings: settings)
            return CheckedFile(name: name, check: f.check, records: .approvals(f.records), totals: f.totals, hasCost: false)
        }
    }
}
