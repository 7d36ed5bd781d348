/// 等级变动: how a customer's grade moved from the previous period to this one.
public enum GradeChange: String, Sendable, CaseIterable {
    case up = "升级"
    case down = "降级"
    case same = "不变"
    case new = "新增"
    case lost = "流失"

    /// nil when the customer has no grade now and had none before (the cell stays blank).
    public static func between(previous: CustomerGrade?, current: CustomerGrade?) -> GradeChange? {
        switch (previous, current) {
        case (nil, nil): nil
        case (nil, .some): .new
        case (.some, nil): .lost
        case let (p?, c?): c > p ? .up : c < p ? .down : .same
        }
    }
}
