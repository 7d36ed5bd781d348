/// 执行额度 for Q and where it came from (SPEC §4.2, §8 Credit).
public struct EffectiveLimit: Sendable, Equatable {
    /// 额度来源.
    public enum Source: String, Sendable {
        /// Approved in `approvals_<Q>`.
        case approved = "核定"
        /// Only proposed: no approval for this customer.
        case proposed = "未批复"
    }

    public var amount: Fen
    public var source: Source

    public init(amount: Fen, source: Source) {
        self.amount = amount
        self.source = source
    }

    /// Approvals are per customer: a customer missing from Q's approvals file (or a missing
    /// file, nil) falls back to its proposal, so one forgotten line never leaves a customer unlimited.
    public static func of<Failure: Error>(customer: String, approvals: [String: ApprovalRecord]?,
                                          proposal: () throws(Failure) -> Fen) throws(Failure) -> EffectiveLimit {
        if let approved = approvals?[customer] { return EffectiveLimit(amount: approved.approvedLimit, source: .approved) }
        return EffectiveLimit(amount: try proposal(), source: .proposed)
    }

    /// 额度来源 as shown: blank for a limit of 0 (SPEC §8), since there is no limit to source.
    public var shownSource: Source? { amount > 0 ? source : nil }
}
