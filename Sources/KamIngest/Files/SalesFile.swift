import KamPolicy

/// A sales drop file read and aggregated to customer × month, the grain the store keeps.
/// Reading and aggregating in one streamed pass keeps memory proportional to customers, not
/// lines or bytes: fields are read as bytes, and a `String` is made only per distinct
/// customer-month, for a diagnostic, or for a value the fast paths do not cover.
public struct SalesFile: Sendable {
    public struct Key: Hashable, Sendable {
        public let customerID: String
        public let month: YearMonth
    }

    public var check = FileCheck()
    public var hasCostColumn = false
    public var amountTotal: Fen = 0
    public var costTotal: Fen = 0
    public var months: [Key: CustomerMonthFigures] = [:]
    /// `months` in the store's primary-key order (the id's bytes, then the month), made by the
    /// reader so the storing thread need not sort; empty when `months` was filled otherwise.
    public var orderedMonths: [(key: Key, figures: CustomerMonthFigures)] = []
    /// A sum of the file's money could not be represented: the file is refused (its check
    /// says where), and it has no totals.
    public var sumsOverflowed = false

    public static func read(_ bytes: [UInt8], period: Period, settings: ReadSettings) -> SalesFile {
        var source = MemoryByteSource(bytes)
        // Reading memory cannot fail.
        return (try? read(&source, period: period, settings: settings)) ?? SalesFile()
    }

    /// Streams a file from disk; `progress` gets the number of records read so far, now and then.
    public static func read(path: String, period: Period, settings: ReadSettings,
                            progress: ((Int) -> Void)? = nil) throws(ByteSourceFailure) -> SalesFile {
        var source = try FileByteSource(path: path)
        return try read(&source, period: period, settings: settings, progress: progress)
    }

    static func read<S: ByteSource>(_ source: inout S, period: Period, settings: ReadSettings,
                                    progress: ((Int) -> Void)? = nil) throws(ByteSourceFailure) -> SalesFile {
        var file = SalesFile()
        var check = FileCheck()
        var aggregate = SalesAggregator()
        var sequence = 0
        var amountTotal: Fen = 0, costTotal: Fen = 0
        var hasCost = false
        var columns: SalesColumns?
        var budget = MoneyBudget()
        var overflow: Diagnostic?
        let stands = try InputFileReader(kind: .sales, settings: settings).stream(&source, check: &check, progress: progress,
                                                                                decodeFirst: false) { fields, line, header in
            let c = columns ?? SalesColumns(header)
            columns = c
            hasCost = c.cost != nil
            var problems: [Diagnostic]?
            func fail(_ index: Int, _ canonical: String, _ reason: String) {
                problems = (problems ?? []) + [Diagnostic(line: line, column: header.header(of: canonical),
                                                          value: fields.string(index), reason: reason)]
            }
            // date
            let date: LocalDate?
            if let v = ByteText.fastDate(ByteText.trimmed(fields[c.date])) {
                date = v.date
            } else if let v = ByteText.date(fields[c.date]) {
                date = v?.date
            } else {
                date = DateGrammar.parse(fields.string(c.date))
            }
            if let d = date {
                if !period.contains(d.yearMonth) { fail(c.date, "date", "日期不在文件的期间 \(period) 内") }
            } else {
                fail(c.date, "date", DateGrammar.reason(for: fields.string(c.date)))
            }
            // customer id
            let idText = ByteText.trimmed(fields[c.customerID])
            var fallbackID: [UInt8]?
            if !ByteText.isPlainID(idText) {
                switch CustomerIDRule.validate(fields.string(c.customerID)) {
                case .success(let id): fallbackID = Array(id.utf8)
                case .failure(let p): fail(c.customerID, "customer_id", p.reason)
                }
            }
            if ByteText.trimmed(fields[c.name]).isEmpty { fail(c.name, "customer_name", "客户名称为空") }
            func money(_ index: Int, _ canonical: String, required: Bool) -> Fen? {
                if let v = ByteText.fastAmount(ByteText.trimmed(fields[index])) { return v }
                switch ByteText.amount(fields[index]) {
                case .success(let v): return v
                case .failure(.empty) where !required: return 0
                case .failure(let p): fail(index, canonical, p.reason); return nil
                }
            }
            let amount = money(c.amount, "amount", required: true)
            let cost = c.cost.map { money($0, "cost", required: false) } ?? 0
            if let q = c.quantity {
                let t = ByteText.trimmed(fields[q])
                if !t.isEmpty, !ByteText.isQuantity(t) {
                    if ByteText.isASCII(t) || AmountGrammar.parseQuantity(fields.string(q)).isFailure {
                        fail(q, "quantity", "数量不是数字")
                    }
                }
            }
            if let problems { return problems }
            guard let date, let amount, let cost else { return [] }
            // A file past its budget is refused whole (SPEC §8): the row is valid, but nothing
            // more is summed. Every sum below is checked too, though within the budget none can fail.
            func overflowed(_ kind: SumOverflow) -> [Diagnostic] {
                if overflow == nil { overflow = kind.diagnostic(line: line, column: header.header(of: "amount"), value: fields.string(c.amount)) }
                return []
            }
            guard overflow == nil else { return [] }
            guard budget.admit(amount, cost) else { return overflowed(.fileMagnitude) }
            guard let newAmountTotal = amountTotal.checkedAdding(amount), let newCostTotal = costTotal.checkedAdding(cost) else {
                return overflowed(.fileTotal)
            }
            sequence += 1
            let month = date.yearMonth.index
            let compact = date.compactValue
            let added = if let fallbackID {
                fallbackID.withUnsafeBufferPointer { id in
                    aggregate.add(id: id, month: month, amount: amount, cost: cost, date: compact, sequence: sequence, name: fields[c.name])
                }
            } else {
                aggregate.add(id: idText, month: month, amount: amount, cost: cost, date: compact, sequence: sequence, name: fields[c.name])
            }
            guard added else {
                let id = fallbackID.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: idText, as: UTF8.self)
                return overflowed(.customerMonth(customerID: id, month: date.yearMonth))
            }
            amountTotal = newAmountTotal
            costTotal = newCostTotal
            return []
        }
        file.check = check
        // Undecodable after all: nothing read counts, as if the file had been checked first.
        guard stands else { return file }
        file.hasCostColumn = hasCost
        if let overflow {
            // Its sums cannot be represented: refused, with no totals and no months to store.
            file.check.rejectFileFirst(overflow)
            file.sumsOverflowed = true
            return file
        }
        file.amountTotal = amountTotal
        file.costTotal = costTotal
        switch aggregate.months() {
        case .success(let made): (file.months, file.orderedMonths) = made
        case .failure(let problem):
            file.check.rejectFileFirst(problem.diagnostic(line: 0, column: "amount", value: ""))
            file.sumsOverflowed = true
            file.amountTotal = 0
            file.costTotal = 0
        }
        return file
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { true } else { false } }
}

extension AmountGrammar.Problem {
    var reason: String {
        switch self {
        case .empty: "金额为空"
        case .invalid: "金额格式无效(允许千分位逗号、¥/￥、负号或括号, 最多两位小数)"
        case .tooManyDecimals: "金额超过两位小数"
        case .outOfRange: "金额超出范围(单行金额不能超过 ±1,000,000,000,000.00 元)"
        }
    }
}

extension CustomerIDRule.Problem {
    var reason: String {
        switch self {
        case .empty: "客户编码为空"
        case .scientificNotation: "客户编码已被Excel改为科学计数法, 请把该列设为文本后重新导出"
        case .truncatedByExcel: "客户编码超过15位且末尾被Excel改为0, 请把该列设为文本后重新导出"
        case .invisibleCharacter(let c): "客户编码含控制字符或不可见的格式字符(\(c.codePoint)), 请在ERP中删除该字符后重新导出"
        case .fullWidthCharacter(let c): "客户编码含全角字母或数字(\(c.codePoint) \(Character(c))), 请改为半角(如 00123)后重新导出"
        }
    }
}
