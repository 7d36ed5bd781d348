/// A sum of money that `Fen` (Int64, ±92,233,720,368,547,758.07 yuan) cannot hold (SPEC §8: "every
/// sum kam forms is overflow-checked, and a sum that cannot be represented fails that workbook with
/// a message naming the inputs, not the process"). Each line is at most ±1,000,000,000,000.00 yuan
/// and each file's amounts fit `Fen`, so only sums across files (a ttm over two quarter files, a
/// line's total over its subsidiaries) can get here — in practice, amounts entered in the wrong
/// unit. The rules throw it instead of trapping; the scheduler records the workbook as failed and
/// delivers every other one.
public struct MoneyOverflow: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being summed, in the workbook's words (e.g. `近12月销售额`).
    public var figure: String
    /// The subsidiary whose figures these are; set by whoever knows it.
    public var subsidiary: String?
    /// The customer, when the sum is one customer's.
    public var customer: String?
    /// The months or period summed over, e.g. `2025-10…2026-09` or `2026Q3`.
    public var period: String?
    /// The input files the sum was built from (`subsidiary/file`), added by the scheduler.
    public var inputs: [String] = []

    public init(figure: String, subsidiary: String? = nil, customer: String? = nil, period: String? = nil) {
        self.figure = figure
        self.subsidiary = subsidiary
        self.customer = customer
        self.period = period
    }

    /// The same overflow with the context it lacked filled in (what is already known is kept:
    /// the innermost rule knows best what it was summing).
    public func with(subsidiary: String? = nil, customer: String? = nil, period: String? = nil) -> MoneyOverflow {
        var copy = self
        if copy.subsidiary == nil { copy.subsidiary = subsidiary }
        if copy.customer == nil { copy.customer = customer }
        if copy.period == nil { copy.period = period }
        return copy
    }

    /// Runs `body`, filling in the context an overflow from it lacks: for a caller that knows
    /// whose figures (or which period) a rule was computing when the rule itself does not.
    public static func context<T>(subsidiary: String? = nil, customer: String? = nil, period: String? = nil,
                                  _ body: () throws(MoneyOverflow) -> T) throws(MoneyOverflow) -> T {
        do {
            return try body()
        } catch {
            throw error.with(subsidiary: subsidiary, customer: customer, period: period)
        }
    }

    public var description: String {
        var whose: [String] = []
        if let subsidiary { whose.append("分公司 \(subsidiary)") }
        if let customer { whose.append("客户 \(customer)") }
        if let period { whose.append("期间 \(period)") }
        let context = whose.isEmpty ? "" : " (" + whose.joined(separator: ", ") + ")"
        let files = inputs.isEmpty ? "" : "; 输入文件: " + inputs.joined(separator: ", ")
        return "金额合计超出可表示范围 (money overflow): \(figure)\(context) 超过 ±92,233,720,368,547,758.07 元\(files). "
            + "该工作簿未生成, 其他工作簿照常交付。请核对这些文件中的金额(常见原因: 单位错误, 如以分或万元填写), "
            + "更正后重新提交; 下次运行会重新生成。"
    }
}

extension Fen {
    /// `self + other`, or `overflow()` when the sum does not fit.
    @inline(__always)
    public func adding(_ other: Fen, or overflow: @autoclosure () -> MoneyOverflow) throws(MoneyOverflow) -> Fen {
        let (sum, overflowed) = addingReportingOverflow(other)
        if overflowed { throw overflow() }
        return sum
    }

    /// `self − other`, or `overflow()` when the difference does not fit.
    @inline(__always)
    public func subtracting(_ other: Fen, or overflow: @autoclosure () -> MoneyOverflow) throws(MoneyOverflow) -> Fen {
        let (difference, overflowed) = subtractingReportingOverflow(other)
        if overflowed { throw overflow() }
        return difference
    }

    /// `self × other`, or `overflow()` when the product does not fit.
    @inline(__always)
    public func multiplied(by other: Fen, or overflow: @autoclosure () -> MoneyOverflow) throws(MoneyOverflow) -> Fen {
        let (product, overflowed) = multipliedReportingOverflow(by: other)
        if overflowed { throw overflow() }
        return product
    }
}

extension Sequence {
    /// The checked sum of `amount` over the elements: `MoneyOverflow(figure:period:)` on the first
    /// partial sum that does not fit (a total over many customers is nobody's in particular).
    public func sumOfMoney(_ figure: String, period: String? = nil, _ amount: (Element) -> Fen) throws(MoneyOverflow) -> Fen {
        var total: Fen = 0
        for element in self {
            total = try total.adding(amount(element), or: MoneyOverflow(figure: figure, period: period))
        }
        return total
    }
}

extension Period {
    /// How a window of months is named in an overflow message: `2025-10…2026-09`.
    static func describe(_ months: [YearMonth]) -> String {
        guard let first = months.first, let last = months.last else { return "" }
        return first == last ? first.description : "\(first)…\(last)"
    }
}
