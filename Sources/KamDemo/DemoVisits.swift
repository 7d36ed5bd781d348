import KamPolicy
import SeededRandom

/// A quarter's visits to one customer, planned the way a sales team works the policy (SPEC §4.3):
/// as many visits as the customer's grade requires, usually; the account manager goes, the
/// sales manager or the company leader once a half year for the B and A customers. Some
/// customers get one visit too few (未达标) and some senior visits are missed, so compliance is
/// high but not perfect.
struct DemoVisits {
    struct Visit {
        let month: YearMonth
        let day: Int
        let visitor: String
        let role: String
        let purpose: String
    }

    static let representativePurposes = ["产品销售", "产品销售", "产品销售", "市场维护", "市场维护", "客情建设", "信息收集", "客户指导"]
    static let seniorPurposes = ["客情建设", "客情建设", "市场维护", "客户指导"]

    /// - Parameters:
    ///   - grade: the customer's A/B/C grade at the quarter's end (nil: no visits required).
    ///   - troubled: the customer pays like a credit grade 3 one (one visit more is required).
    ///   - seniorDue: whether the half year's senior visit is still to be made; cleared when made.
    static func plan(quarter: Period, grade: CustomerGrade?, troubled: Bool, representative: String,
                     people: DemoPeople, seniorDue: inout Bool, random r: inout SplitMix64) -> [Visit] {
        guard let grade else { return [] }
        let required = (grade == .a ? 3 : grade == .b ? 2 : 1) + (troubled ? 1 : 0)
        let u = r.unit()
        let count = u < 0.10 ? required - 1 : u < 0.18 ? required + 1 : required
        guard count > 0 else { return [] }
        let secondQuarterOfHalf = quarter.lastMonth.month % 6 == 0
        var senior: (name: String, role: String)?
        switch grade {
        case .a where seniorDue && r.chance(secondQuarterOfHalf ? 0.85 : 0.45):
            senior = (people.leader, "公司领导")
        case .b where seniorDue && r.chance(secondQuarterOfHalf ? 0.80 : 0.40):
            senior = r.chance(0.8) ? (people.manager, "销售主管") : (people.leader, "公司领导")
        case .c where r.chance(0.05):
            senior = (people.manager, "销售主管")
        default:
            senior = nil
        }
        if senior != nil && grade != .c { seniorDue = false }
        let months = quarter.months
        return (0..<count).map { k in
            let month = months[r.int(months.count)]
            let day = 1 + r.int(28)
            if k == 0, let senior {
                return Visit(month: month, day: day, visitor: senior.name, role: senior.role,
                             purpose: r.pick(seniorPurposes))
            }
            // Now and then a colleague covers for the account manager.
            let visitor = r.chance(0.1) ? r.pick(people.representatives) : representative
            return Visit(month: month, day: day, visitor: visitor, role: "销售代表", purpose: r.pick(representativePurposes))
        }
    }
}
