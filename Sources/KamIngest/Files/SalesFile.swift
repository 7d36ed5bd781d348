import KamPolicy

/// A sales drop file read and aggregated to customer × month, the grain the store keeps.
/// Reading and aggregating in one pass keeps memory proportional to customers, not lines.
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

    public static func read(_ bytes: [UInt8], period: Period, settings: ReadSettings) -> SalesFile {
        var file = SalesFile()
        var check = FileCheck()
        var sequence = 0
        InputFileReader(kind: .sales, settings: settings).read(bytes, check: &check) { fields, line, header in
            file.hasCostColumn = header.has("cost")
            var problems: [Diagnostic] = []
            func value(_ c: String) -> String { header.index[c].map { fields[$0] } ?? "" }
            func fail(_ c: String, _ reason: String) {
                problems.append(Diagnostic(line: line, column: header.header(of: c), value: value(c), reason: reason))
            }
            let date = DateGrammar.parse(value("date"))
            if date == nil { fail("date", "日期格式无效(应为 2026-09-30、2026/9/30、2026.09.30 或 20260930)") }
            if let d = date, !period.contains(d.yearMonth) { fail("date", "日期不在文件的期间 \(period) 内") }
            var customerID = ""
            switch CustomerIDRule.validate(value("customer_id")) {
            case .success(let id): customerID = id
            case .failure(let p): fail("customer_id", p.reason)
            }
            let name = value("customer_name").trimmingSpaces
            if name.isEmpty { fail("customer_name", "客户名称为空") }
            let amount = money("amount", required: true)
            let cost = header.has("cost") ? money("cost", required: false) : 0
            if header.has("quantity") {
                let q = value("quantity").trimmingSpaces
                if !q.isEmpty, case .failure = AmountGrammar.parseQuantity(q) { fail("quantity", "数量不是数字") }
            }
            func money(_ c: String, required: Bool) -> Fen? {
                switch AmountGrammar.parse(value(c)) {
                case .success(let v): return v
                case .failure(.empty) where !required: return 0
                case .failure(let p): fail(c, p.reason); return nil
                }
            }
            guard problems.isEmpty, let date, let amount, let cost else { return problems }
            sequence += 1
            file.amountTotal += amount
            file.costTotal += cost
            file.months[Key(customerID: customerID, month: date.yearMonth), default: CustomerMonthFigures()]
                .add(amount: amount, cost: cost, name: name, recency: LineRecency(date: date.compactValue, sequence: sequence))
            return []
        }
        file.check = check
        return file
    }
}

extension AmountGrammar.Problem {
    var reason: String {
        switch self {
        case .empty: "金额为空"
        case .invalid: "金额格式无效(允许千分位逗号、¥/￥、负号或括号, 最多两位小数)"
        case .tooManyDecimals: "金额超过两位小数"
        case .outOfRange: "金额超出范围"
        }
    }
}

extension CustomerIDRule.Problem {
    var reason: String {
        switch self {
        case .empty: "客户编码为空"
        case .scientificNotation: "客户编码已被Excel改为科学计数法, 请把该列设为文本后重新导出"
        case .truncatedByExcel: "客户编码超过15位且末尾被Excel改为0, 请把该列设为文本后重新导出"
        }
    }
}
