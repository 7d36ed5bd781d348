/// 达标/未达标 (SPEC §4.3): whether a customer got at least its required visits in Q.
public enum VisitCompliance: String, Sendable {
    case compliant = "达标"
    case notCompliant = "未达标"

    public static func of(actual: Int, required: Int) -> VisitCompliance {
        actual >= required ? .compliant : .notCompliant
    }
}
