import KamPolicy

/// Keeps every sum a file's money can reach inside `Fen`'s range: the sum of the magnitudes
/// of all its amounts (every money column together) bounds every total, every per-customer
/// sum and every difference (profit = sales − cost) built from any of its lines, so once the
/// file fits nothing built from it alone can overflow. One line is at most
/// ±1,000,000,000,000.00 yuan (`AmountGrammar.lineLimit`), so only a file of some 92,000
/// such lines — a crafted, duplicated or corrupt export — gets there; that file cannot be
/// summed, and is rejected whole (SPEC §8: "every sum kam forms is overflow-checked").
struct MoneyBudget {
    private var used: Fen = 0
    /// Once the budget is exceeded the file is refused, and nothing more is admitted.
    private(set) var isExceeded = false

    /// Takes the row's amounts when they fit; false (and nothing taken) when they do not, or
    /// when an earlier row did not. Not variadic: this runs for every sales line.
    mutating func admit(_ a: Fen, _ b: Fen = 0, _ c: Fen = 0) -> Bool {
        if isExceeded { return false }
        guard let t1 = used.checkedAdding(Self.size(a)), let t2 = t1.checkedAdding(Self.size(b)),
              let t3 = t2.checkedAdding(Self.size(c)) else {
            isExceeded = true
            return false
        }
        used = t3
        return true
    }

    @inline(__always) private static func size(_ a: Fen) -> Fen { a.magnitude > UInt64(Fen.max) ? Fen.max : Fen(a.magnitude) }
}

/// A sum that cannot be represented in `Fen`: the file is refused as a whole, with where the
/// sum gave out, because a total computed past that point would be wrong.
enum SumOverflow: Error, Equatable, Sendable {
    /// The magnitudes of the file's amounts, all money columns together (`MoneyBudget`).
    case fileMagnitude
    /// One column's total over the file.
    case fileTotal
    /// A customer's sum in one month (sales).
    case customerMonth(customerID: String, month: YearMonth)

    var reason: String {
        let what: String = switch self {
        case .fileMagnitude: "本文件各行金额(所有金额列合计)的绝对值之和"
        case .fileTotal: "本文件该列的合计"
        case .customerMonth(let id, let month): "客户 \(Diagnostic.shown(id)) 在 \(month) 的合计"
        }
        return "金额合计超出可计算的范围: 到此行为止, \(what)超过 92,233,720,368,547,758.07 元, 整个文件被拒绝。"
            + "请检查文件是否重复导出或已损坏(单行金额不能超过 1,000,000,000,000.00 元), 核对后重新报送"
    }

    func diagnostic(line: Int, column: String, value: String) -> Diagnostic {
        Diagnostic(line: line, column: column, value: value, reason: reason)
    }
}

extension Fen {
    /// `self + other`, or nil when the sum is not a `Fen`.
    @inline(__always) func checkedAdding(_ other: Fen) -> Fen? {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? nil : sum
    }
}
