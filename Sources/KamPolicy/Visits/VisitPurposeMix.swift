/// 拜访目的分布 (SPEC §4.3, §8 "Visits and submissions"): visits per purpose, so a reader sees
/// what the visits were for — the policy's five purposes in policy order, then every other
/// purpose a clerk wrote under its own name (a folded 其他 hid what the subsidiaries actually do),
/// then 未填写 for visits with no purpose. The counts always add up to all visits.
public struct VisitPurposeMix: Sendable, Equatable {
    /// The label of visits whose purpose is blank.
    public static let blank = "未填写"
    /// (purpose, visits): the five (zeros included), then the other written purposes by count
    /// descending, then name in code-point order, then 未填写 (always listed, 0 when every visit
    /// has a purpose, so "all filled in" is visible too).
    public let counts: [(purpose: String, visits: Int)]

    public init(visits: [VisitRecord]) {
        var byPurpose: [String: Int] = [:]
        for v in visits {
            let purpose = v.purpose.trimmedSpaces
            byPurpose[purpose.isEmpty ? Self.blank : purpose, default: 0] += 1
        }
        let fixed = VisitRecord.purposes + [Self.blank]
        let others = byPurpose.filter { !fixed.contains($0.key) }
            .sorted { x, y in x.value != y.value ? x.value > y.value : CustomerIDOrder.precedes(x.key, y.key) }
            .map { (purpose: $0.key, visits: $0.value) }
        counts = VisitRecord.purposes.map { ($0, byPurpose[$0] ?? 0) } + others + [(Self.blank, byPurpose[Self.blank] ?? 0)]
    }

    public static func == (a: VisitPurposeMix, b: VisitPurposeMix) -> Bool {
        a.counts.map(\.purpose) == b.counts.map(\.purpose) && a.counts.map(\.visits) == b.counts.map(\.visits)
    }
}
