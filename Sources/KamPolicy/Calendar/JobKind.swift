/// The eight jobs of the policy calendar (SPEC §2). Each has its fixed months, its owner
/// (a subsidiary, a business line, or the group) and the workbook it delivers.
public enum JobKind: String, Sendable, CaseIterable, Comparable {
    case salesReport = "sales-report"
    case creditReport = "credit-report"
    case lineSummary = "line-summary"
    case fileMaintenance = "file-maintenance"
    case visitReport = "visit-report"
    case hqQuarterly = "hq-quarterly"
    case creditLimitProposal = "credit-limit-proposal"
    case keyAccountReview = "key-account-review"

    /// The day of month the policy sets; config `calendar` may override it.
    public var defaultDay: Int {
        switch self {
        case .salesReport, .creditReport: 6
        case .lineSummary, .fileMaintenance: 8
        case .visitReport: 10
        case .hqQuarterly, .keyAccountReview: 15
        case .creditLimitProposal: 21
        }
    }

    /// The workbook's Chinese name, which is also part of its file name.
    public var workbookName: String {
        switch self {
        case .salesReport: "客户销售报表"
        case .creditReport: "客户资信报表"
        case .lineSummary: "汇总分析表"
        case .fileMaintenance: "客户档案维护情况"
        case .visitReport: "客户拜访记录及分析"
        case .hqQuarterly: "客户档案及拜访分析"
        case .creditLimitProposal: "资信额度申请表"
        case .keyAccountReview: "大客户年度评价"
        }
    }

    public var tier: ReportingTier {
        switch self {
        case .salesReport, .creditReport, .fileMaintenance, .visitReport, .creditLimitProposal: .subsidiary
        case .lineSummary: .management
        case .hqQuarterly, .keyAccountReview: .hq
        }
    }

    /// Order of work within one fire time: a consolidation reads what the subsidiaries' jobs made.
    public static func < (a: JobKind, b: JobKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// The three tiers of the reporting chain; each has its own folder under `reports/<P>/`.
public enum ReportingTier: String, Sendable {
    case subsidiary
    case management
    case hq
}
