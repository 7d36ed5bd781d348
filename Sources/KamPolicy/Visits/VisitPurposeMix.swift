/// 拜访目的分布 (SPEC §4.3): visits per purpose, the policy's five in order, then 其他 for any
/// other written purpose and for a blank one, so the counts always add up to all visits.
public struct VisitPurposeMix: Sendable, Equatable {
    public static let other = "其他"
    /// (purpose, visits), the five then 其他; every entry present, zeros included.
    public let counts: [(purpose: String, visits: Int)]

    public init(visits: [VisitRecord]) {
        var byPurpose: [String: Int] = [:]
        for v in visits {
            let key = VisitRecord.purposes.contains(v.purpose) ? v.purpose : Self.other
            byPurpose[key, default: 0] += 1
        }
        counts = (VisitRecord.purposes + [Self.other]).map { ($0, byPurpose[$0] ?? 0) }
    }

    public static func == (a: VisitPurposeMix, b: VisitPurposeMix) -> Bool {
        a.counts.map(\.purpose) == b.counts.map(\.purpose) && a.counts.map(\.visits) == b.counts.map(\.visits)
    }
}
