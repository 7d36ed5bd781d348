import SeededRandom

/// How a customer pays. The demo's receivables follow from it, so the assessed credit grades
/// spread the way a real book does: most customers pay within their terms (grade 1), some run
/// late (2), a few are in trouble (3) — and the few in trouble are the ones over their limit.
enum DemoPayer: CaseIterable {
    /// Collects nearly everything within the quarter, hardly anything overdue: grade 1.
    case prompt
    /// Carries up to about a month's sales, some of it overdue: grade 2.
    case slow
    /// A quarter of the balance or more overdue, the balance past its limit: grade 3.
    case troubled

    /// 66% prompt, 28% slow, 6% troubled.
    static func draw(_ random: inout SplitMix64) -> DemoPayer {
        let u = random.unit()
        return u < 0.66 ? .prompt : u < 0.94 ? .slow : .troubled
    }

    /// The behaviour in one quarter: usually the customer's own, one step better or worse now and
    /// then (so approved grades change at half-year ends and the reports show 升级/降级).
    func inQuarter(_ random: inout SplitMix64) -> DemoPayer {
        guard random.chance(0.12) else { return self }
        switch self {
        case .prompt: return .slow
        case .slow: return random.chance(0.5) ? .prompt : .troubled
        case .troubled: return .slow
        }
    }

    /// The credit grade such a payer is assessed at.
    var creditGrade: Int {
        switch self {
        case .prompt: 1
        case .slow: 2
        case .troubled: 3
        }
    }

    /// The policy's cover months for that grade, in hundredths (SPEC §7 `credit.cover_months`).
    var coverHundredths: Int64 {
        switch self {
        case .prompt: 200
        case .slow: 100
        case .troubled: 50
        }
    }

    /// The overdue share of the closing balance, in ten-thousandths: ≤ 4% for grade 1, 6–18% for
    /// grade 2, 25–45% for grade 3 (the policy's thresholds are 5% and 20%).
    func overdueShare(_ random: inout SplitMix64) -> Int64 {
        switch self {
        case .prompt: Int64(random.int(401))
        case .slow: 600 + Int64(random.int(1_201))
        case .troubled: 2_500 + Int64(random.int(2_001))
        }
    }
}
