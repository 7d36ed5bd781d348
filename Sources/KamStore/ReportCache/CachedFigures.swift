import KamPolicy

/// Figures the report cache can keep: written and read back exactly (`FiguresWriter`).
public protocol CachedFigures: Sendable {
    func write(to writer: inout FiguresWriter)
    init(from reader: inout FiguresReader) throws(FiguresReader.Malformed)
}

extension CachedFigures {
    /// The payload for the store.
    public var payload: [UInt8] {
        var writer = FiguresWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// Reads a whole payload; trailing bytes make it malformed too.
    public init(payload: [UInt8]) throws(FiguresReader.Malformed) {
        var reader = try FiguresReader(payload)
        try self.init(from: &reader)
        guard reader.isAtEnd else { throw FiguresReader.Malformed(reason: "trailing bytes") }
    }
}

extension Array: CachedFigures where Element: CachedFigures {
    public func write(to writer: inout FiguresWriter) {
        writer.array(self) { w, e in e.write(to: &w) }
    }

    public init(from reader: inout FiguresReader) throws(FiguresReader.Malformed) {
        self = try reader.array { (r: inout FiguresReader) throws(FiguresReader.Malformed) in try Element(from: &r) }
    }
}

extension Period: CachedFigures {
    public func write(to writer: inout FiguresWriter) {
        switch self {
        case .month(let m): writer.int(0); writer.int(m.index)
        case .quarter(let y, let q): writer.int(1); writer.int(y); writer.int(q)
        case .year(let y): writer.int(2); writer.int(y)
        }
    }

    public init(from reader: inout FiguresReader) throws(FiguresReader.Malformed) {
        switch try reader.int() {
        case 0:
            let index = try reader.int()
            guard index >= 0 else { throw FiguresReader.Malformed(reason: "month \(index)") }
            self = .month(YearMonth(index: index))
        case 1:
            let year = try reader.int(), quarter = try reader.int()
            guard (1...4).contains(quarter) else { throw FiguresReader.Malformed(reason: "quarter \(quarter)") }
            self = .quarter(year: year, quarter: quarter)
        case 2: self = .year(try reader.int())
        case let tag: throw FiguresReader.Malformed(reason: "period tag \(tag)")
        }
    }
}

extension SalesReportRow: CachedFigures {
    public func write(to w: inout FiguresWriter) {
        // The bytes move into the field writer and back (swapped, not copied: a copy would
        // make every append of a report's rows copy the payload so far).
        var fields = SalesReportRowWriter(row: self, writer: FiguresWriter.placeholder)
        swap(&fields.writer, &w)
        _ = Self.fields(&fields)
        swap(&fields.writer, &w)
    }

    public init(from r: inout FiguresReader) throws(FiguresReader.Malformed) {
        var fields = SalesReportRowReader(reader: r)
        self = try Self.fields(&fields)
        r = fields.reader
    }
}

extension SalesReport: CachedFigures {
    public func write(to w: inout FiguresWriter) {
        period.write(to: &w)
        rows.write(to: &w)
        potentialCustomers.write(to: &w)
        w.bool(hasDataInPeriod)
        w.bool(isProfitKnown)
        w.int(Int64(gaps.missingMonths.count))
        for month in gaps.missingMonths { w.int(Int64(month.index)) }
    }

    public init(from r: inout FiguresReader) throws(FiguresReader.Malformed) {
        self.init(period: try Period(from: &r), rows: try [SalesReportRow](from: &r), potentialCustomers: try [SalesReportRow](from: &r),
                  hasDataInPeriod: try r.bool(), isProfitKnown: try r.bool(), gaps: try SalesGaps(from: &r))
    }
}

extension SalesGaps {
    init(from r: inout FiguresReader) throws(FiguresReader.Malformed) {
        let count = try r.int64()
        guard count >= 0, count <= 10_000 else { throw FiguresReader.Malformed(reason: "missing-month count \(count)") }
        var months: [YearMonth] = []
        for _ in 0..<count { months.append(YearMonth(index: Int(try r.int64()))) }
        self.init(missingMonths: months)
    }
}

extension SubsidiaryCreditWarning: CachedFigures {
    public func write(to w: inout FiguresWriter) {
        w.string(subsidiaryCode)
        w.string(customerID)
        w.string(customerName)
        w.int(receivable)
        w.int(effectiveLimit)
        w.bool(isLimitApproved)
        w.optional(utilisation) { $0.double($1) }
        w.string(level.rawValue)
    }

    public init(from r: inout FiguresReader) throws(FiguresReader.Malformed) {
        self.init(subsidiaryCode: try r.string(), customerID: try r.string(), customerName: try r.string(),
                  receivable: try r.int64(), effectiveLimit: try r.int64(), isLimitApproved: try r.bool(),
                  utilisation: try r.optional { (r: inout FiguresReader) throws(FiguresReader.Malformed) in try r.double() },
                  level: try r.raw(CreditWarningLevel.self))
    }
}

extension CustomerVisitCompliance: CachedFigures {
    public func write(to w: inout FiguresWriter) {
        w.string(customerID)
        w.string(customerName)
        w.string(grade.rawValue)
        w.int(required)
        w.int(actual)
        w.bool(isCompliant)
    }

    public init(from r: inout FiguresReader) throws(FiguresReader.Malformed) {
        self.init(customerID: try r.string(), customerName: try r.string(), grade: try r.raw(CustomerGrade.self),
                  required: try r.int(), actual: try r.int(), isCompliant: try r.bool())
    }
}

extension SubsidiaryVisitFigures: CachedFigures {
    public func write(to w: inout FiguresWriter) {
        w.bool(hasVisits)
        customers.write(to: &w)
    }

    public init(from r: inout FiguresReader) throws(FiguresReader.Malformed) {
        self.init(hasVisits: try r.bool(), customers: try [CustomerVisitCompliance](from: &r))
    }
}

extension SubsidiaryFileFigures: CachedFigures {
    public func write(to w: inout FiguresWriter) {
        w.bool(hasSnapshot)
        w.int(records)
        w.int(newRecords)
        w.int(removedRecords)
        w.int(changedRecords)
        w.optional(completeness) { $0.double($1) }
        w.int(invalidCreditCodes)
        w.int(customersWithoutFile)
    }

    public init(from r: inout FiguresReader) throws(FiguresReader.Malformed) {
        self.init(hasSnapshot: try r.bool(), records: try r.int(), newRecords: try r.int(), removedRecords: try r.int(),
                  changedRecords: try r.int(),
                  completeness: try r.optional { (r: inout FiguresReader) throws(FiguresReader.Malformed) in try r.double() },
                  invalidCreditCodes: try r.int(), customersWithoutFile: try r.int())
    }
}

extension SubsidiaryGroupCredit: CachedFigures {
    public func write(to w: inout FiguresWriter) {
        w.bool(isReceivablesMissing)
        w.int(overLimit)
        w.int(warning)
        w.int(noLimit)
        // By customer_id, so the same figures always make the same bytes.
        w.array(customers.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.int(entry.value.sales)
            w.optional(entry.value.receivable) { $0.int($1) }
            w.optional(entry.value.approvedGrade) { $0.int($1.rawValue) }
            w.int(entry.value.limit)
        }
    }

    public init(from r: inout FiguresReader) throws(FiguresReader.Malformed) {
        let missing = try r.bool(), over = try r.int(), warning = try r.int(), noLimit = try r.int()
        let entries = try r.array { (r: inout FiguresReader) throws(FiguresReader.Malformed) -> (String, Customer) in
            let id = try r.string(), sales = try r.int64()
            let receivable = try r.optional { (r: inout FiguresReader) throws(FiguresReader.Malformed) in try r.int64() }
            let grade = try r.optional { (r: inout FiguresReader) throws(FiguresReader.Malformed) -> CreditGrade in
                let value = try r.int()
                guard let grade = CreditGrade(rawValue: value) else { throw FiguresReader.Malformed(reason: "credit grade \(value)") }
                return grade
            }
            return (id, Customer(sales: sales, receivable: receivable, approvedGrade: grade, limit: try r.int64()))
        }
        self.init(isReceivablesMissing: missing, overLimit: over, warning: warning, noLimit: noLimit,
                  customers: Dictionary(entries, uniquingKeysWith: { first, _ in first }))
    }
}
