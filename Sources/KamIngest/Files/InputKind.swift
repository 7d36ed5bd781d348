/// The five kinds of drop file (SPEC §3) and the columns each carries.
public enum InputKind: String, Sendable, CaseIterable, Codable {
    case sales
    case receivables
    case customers
    case visits
    case approvals

    /// A column of a kind: its canonical English name, its Chinese header, and whether required.
    public struct Column: Sendable, Hashable {
        public let name: String
        public let chinese: String
        public let required: Bool
    }

    public var columns: [Column] {
        func c(_ n: String, _ z: String, _ r: Bool = false) -> Column { Column(name: n, chinese: z, required: r) }
        switch self {
        case .sales:
            return [c("date", "日期", true), c("customer_id", "客户编码", true), c("customer_name", "客户名称", true),
                    c("product", "产品"), c("quantity", "数量"), c("amount", "金额", true), c("cost", "成本")]
        case .receivables:
            return [c("customer_id", "客户编码", true), c("receivable", "应收余额", true), c("overdue", "逾期金额", true),
                    c("collected", "本期回款", true), c("payment_terms", "付款方式")]
        case .customers:
            return [c("customer_id", "客户编码", true), c("customer_name", "客户名称", true), c("credit_code", "统一社会信用代码"),
                    c("industry", "行业"), c("region", "区域"), c("legal_rep", "法定代表人"), c("contact", "联系人"),
                    c("phone", "联系电话"), c("address", "地址"), c("account_manager", "客户经理")]
        case .visits:
            return [c("date", "日期", true), c("customer_id", "客户编码", true), c("visitor", "拜访人", true),
                    c("role", "职务", true), c("purpose", "拜访目的"), c("notes", "备注")]
        case .approvals:
            return [c("customer_id", "客户编码", true), c("approved_limit", "核定额度", true), c("approved_by", "审批人")]
        }
    }

    /// Kinds that are quarter snapshots or quarterly lists reject a month period (SPEC §8).
    public var acceptsMonthPeriod: Bool { self == .sales }

    /// The Chinese name used in receipts and messages.
    public var chineseName: String {
        switch self {
        case .sales: "销售明细"
        case .receivables: "应收账款"
        case .customers: "客户档案"
        case .visits: "拜访记录"
        case .approvals: "额度核定"
        }
    }
}
