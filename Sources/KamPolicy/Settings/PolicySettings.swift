/// The policy's thresholds (SPEC §7), as values: config parses them, rules take them as
/// arguments, tests build them by hand. Money thresholds are in fen.
public struct PolicySettings: Sendable, Equatable {
    public var grading = GradingSettings()
    public var keyAccount = KeyAccountSettings()
    public var growth = GrowthSettings()
    public var summaryTopN = 100
    public var credit = CreditSettings()
    public var visits = VisitSettings()
    /// `customer_file.required`: the file fields whose filling counts for completeness.
    public var requiredFileFields = ["customer_name", "credit_code", "industry", "region", "contact", "phone", "account_manager"]
    public var review = ReviewSettings()

    public init() {}
}

/// `grading`: the cumulative ttm shares that bound grades A and B.
public struct GradingSettings: Sendable, Equatable {
    public var aShare = 0.70
    public var bShare = 0.90

    public init(aShare: Double = 0.70, bShare: Double = 0.90) {
        self.aShare = aShare
        self.bShare = bShare
    }
}

/// `key_account`: who counts as a key account (大客户) and at which level.
public struct KeyAccountSettings: Sendable, Equatable {
    public var minTTMSales: Fen = 1_000_000 * Fen.perYuan
    public var minProfitShare = 0.10
    /// Levels, any order; the highest whose threshold the ttm reaches applies.
    public var levels: [KeyAccountLevel] = [
        KeyAccountLevel(name: "集团级", minTTMSales: 200_000_000 * Fen.perYuan),
        KeyAccountLevel(name: "公司级", minTTMSales: 100_000_000 * Fen.perYuan),
    ]

    public init() {}
}

/// One `key_account.levels` entry.
public struct KeyAccountLevel: Sendable, Equatable {
    public var name: String
    public var minTTMSales: Fen

    public init(name: String, minTTMSales: Fen) {
        self.name = name
        self.minTTMSales = minTTMSales
    }
}

/// `growth`: which customers are listed as potential (潜力客户).
public struct GrowthSettings: Sendable, Equatable {
    public var minBase: Fen = 10_000 * Fen.perYuan
    public var topN = 20

    public init(minBase: Fen = 10_000 * Fen.perYuan, topN: Int = 20) {
        self.minBase = minBase
        self.topN = topN
    }
}

/// `credit`: the credit-grade thresholds and the limit formula's factors (SPEC §4.2).
public struct CreditSettings: Sendable, Equatable {
    public var grade1Overdue = 0.05
    public var grade1Collection = 0.90
    public var grade3Overdue = 0.20
    public var grade3Collection = 0.60
    /// Months of average sales a limit covers, per approved credit grade (1, 2, 3), as exact
    /// decimals in hundredths (2.0 → 200) so the limit can be computed without binary floats.
    public var coverMonthsHundredths: [Int: Int64] = [1: 200, 2: 100, 3: 50]
    /// Factor per payment term, in hundredths (1.2 → 120); unknown terms use 100.
    public var termsFactorHundredths: [String: Int64] = ["现款": 120, "月结30": 100, "月结60": 80, "月结90": 60, "承兑汇票": 90]
    public var roundTo: Fen = 10_000 * Fen.perYuan
    public var warnUtilisation = 0.90
    public var approvalDays = 3

    public init() {}
}

/// `visits`: how often each grade must be visited per quarter (SPEC §4.3).
public struct VisitSettings: Sendable, Equatable {
    public var required: [CustomerGrade: Int] = [.a: 3, .b: 2, .c: 1]
    public var extraForCreditGrade3 = 1

    public init() {}
}

/// `review`: the year-end recommendation's growth thresholds (SPEC §4.5).
public struct ReviewSettings: Sendable, Equatable {
    public var strengthenGrowth = 0.10
    public var endGrowth = -0.30

    public init() {}
}
