/// The two credit statuses the consolidated workbooks list (SPEC §4.2, §4.5): a customer over
/// its limit, or close to it. 正常, 无额度 and 未报送 stay on the subsidiary's own 客户资信报表.
public enum CreditWarningLevel: String, Sendable, CaseIterable, Comparable {
    case overLimit = "超限"
    case warning = "预警"

    /// 超限 is the graver one and is listed first.
    public static func < (a: CreditWarningLevel, b: CreditWarningLevel) -> Bool {
        a == .overLimit && b == .warning
    }
}
