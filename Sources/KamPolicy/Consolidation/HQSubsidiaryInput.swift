/// What 客户档案及拜访分析 takes from one subsidiary for quarter Q.
public struct HQSubsidiaryInput: Sendable {
    public var subsidiary: Subsidiary
    /// The business line's name (化工), for grouping on the sheet.
    public var lineName: String
    public var files: SubsidiaryFileFigures
    public var visits: SubsidiaryVisitFigures
    /// Whether an `approvals` file for Q (the quarter its limits apply to) was accepted. When it
    /// was not, Q's limits were only proposed (未批复) and HQ lists the subsidiary.
    public var hasAcceptedApprovals: Bool
    /// Every input kind expected of the subsidiary for Q, in the order to show them.
    public var submissions: [InputSubmission]
    /// 批复状态 of the limits proposed for Q+1 (SPEC §4.6: HQ sees them in Q's report, the
    /// proposal and its deadline having passed before Q's report is made); nil when not known.
    public var nextQuarterApproval: ApprovalTimeliness?

    public init(subsidiary: Subsidiary, lineName: String, files: SubsidiaryFileFigures, visits: SubsidiaryVisitFigures,
                hasAcceptedApprovals: Bool, submissions: [InputSubmission], nextQuarterApproval: ApprovalTimeliness? = nil) {
        self.nextQuarterApproval = nextQuarterApproval
        self.subsidiary = subsidiary
        self.lineName = lineName
        self.files = files
        self.visits = visits
        self.hasAcceptedApprovals = hasAcceptedApprovals
        self.submissions = submissions
    }
}
