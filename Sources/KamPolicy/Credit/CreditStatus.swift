/// 状态 of a customer's credit in Q (SPEC §4.2, §8 Credit).
public enum CreditStatus: String, Sendable, CaseIterable {
    case over = "超限"
    case warning = "预警"
    case noLimit = "无额度"
    case normal = "正常"
    /// Q's receivables file is missing: nothing can be judged (a missing file is not a bad payer).
    case notSubmitted = "未报送"

    /// Over when the receivable exceeds the limit, warning from `warn_utilisation`; with no
    /// limit (≤ 0) a positive receivable is 无额度 and anything else 正常.
    public static func of(receivable: Fen?, limit: Fen, settings: CreditSettings) -> CreditStatus {
        guard let receivable else { return .notSubmitted }
        guard limit > 0 else { return receivable > 0 ? .noLimit : .normal }
        if receivable > limit { return .over }
        if let u = CreditUtilisation.of(receivable: receivable, limit: limit), u >= settings.warnUtilisation { return .warning }
        return .normal
    }
}
