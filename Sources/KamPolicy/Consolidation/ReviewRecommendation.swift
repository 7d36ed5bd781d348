/// The year-end recommendation for a key account (SPEC §4.5): grow the ones growing with good
/// credit, end the ones shrinking fast with bad credit, keep the rest.
public enum ReviewRecommendation: String, Sendable, CaseIterable {
    case strengthen = "加强"
    case end = "终止"
    case maintain = "维持"

    /// 加强 when growth ≥ `strengthenGrowth` and credit grade ≤ 2; 终止 when credit grade 3 and
    /// growth ≤ `endGrowth`; else 维持. A blank growth (no sales the year before) or a blank
    /// approved grade gives 维持: neither extreme can be justified without the figure.
    public static func of(growth: Double?, creditGrade: Int?, settings: ReviewSettings) -> ReviewRecommendation {
        guard let growth, let grade = creditGrade else { return .maintain }
        if growth >= settings.strengthenGrowth && grade <= 2 { return .strengthen }
        if grade == 3 && growth <= settings.endGrowth { return .end }
        return .maintain
    }
}
