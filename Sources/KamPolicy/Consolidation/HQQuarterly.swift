/// The figures of 客户档案及拜访分析 for quarter Q (SPEC §4.5): the management department's
/// report to HQ on how well each subsidiary keeps its customer files and visits its customers,
/// and who did not deliver. Pure regrouping of the subsidiaries' quarter figures.
public struct HQQuarterly: Sendable {
    /// One row of the per-subsidiary sheet.
    public struct SubsidiaryRow: Sendable, Equatable {
        public var subsidiaryCode: String
        public var subsidiaryName: String
        public var lineName: String
        public var files: SubsidiaryFileFigures
        public var hasVisits: Bool
        /// Share of A, B and C customers compliant; nil when unknown or no such customers.
        public var complianceA: Double?
        public var complianceB: Double?
        public var complianceC: Double?
        public var aCustomersNotCompliant: Int
        public var approvalsMissing: Bool
    }

    /// An A customer not visited as required.
    public struct NonCompliantCustomer: Sendable, Equatable {
        public var subsidiaryCode: String
        public var subsidiaryName: String
        public var customer: CustomerVisitCompliance
    }

    /// One expected input of one subsidiary.
    public struct SubmissionRow: Sendable, Equatable {
        public var subsidiaryCode: String
        public var subsidiaryName: String
        public var submission: InputSubmission
    }

    /// 批复状态 of one subsidiary's limits for Q+1.
    public struct ApprovalRow: Sendable, Equatable {
        public var subsidiaryCode: String
        public var subsidiaryName: String
        public var approval: ApprovalTimeliness
    }

    public let quarter: Period
    /// In the order given (config order).
    public let subsidiaries: [SubsidiaryRow]
    /// By subsidiary order, then customer_id.
    public let aCustomersNotCompliant: [NonCompliantCustomer]
    /// Subsidiaries without an accepted approvals file for Q, in order.
    public let missingApprovals: [Subsidiary]
    /// Every subsidiary's expected inputs, subsidiary by subsidiary.
    public let submissions: [SubmissionRow]
    /// 批复状态 of the limits for Q+1, subsidiary by subsidiary (those whose status is known).
    public let nextQuarterApprovals: [ApprovalRow]

    public init(quarter: Period, subsidiaries inputs: [HQSubsidiaryInput]) {
        self.quarter = quarter
        subsidiaries = inputs.map { i in
            SubsidiaryRow(subsidiaryCode: i.subsidiary.code, subsidiaryName: i.subsidiary.name, lineName: i.lineName,
                          files: i.files, hasVisits: i.visits.hasVisits,
                          complianceA: i.visits.complianceShare(of: .a), complianceB: i.visits.complianceShare(of: .b),
                          complianceC: i.visits.complianceShare(of: .c),
                          aCustomersNotCompliant: i.visits.aCustomersNotCompliant.count,
                          approvalsMissing: !i.hasAcceptedApprovals)
        }
        aCustomersNotCompliant = inputs.flatMap { i in
            i.visits.aCustomersNotCompliant.map {
                NonCompliantCustomer(subsidiaryCode: i.subsidiary.code, subsidiaryName: i.subsidiary.name, customer: $0)
            }
        }
        missingApprovals = inputs.filter { !$0.hasAcceptedApprovals }.map(\.subsidiary)
        nextQuarterApprovals = inputs.compactMap { i in
            i.nextQuarterApproval.map { ApprovalRow(subsidiaryCode: i.subsidiary.code, subsidiaryName: i.subsidiary.name, approval: $0) }
        }
        submissions = inputs.flatMap { i in
            i.submissions.map { SubmissionRow(subsidiaryCode: i.subsidiary.code, subsidiaryName: i.subsidiary.name, submission: $0) }
        }
    }

    /// Submissions late or missing, for the 概览.
    public var lateOrMissing: [SubmissionRow] {
        submissions.filter { if case .onTime = $0.submission.status { false } else { true } }
    }
}

extension HQQuarterly {
    /// How many subsidiaries' limits for Q+1 have this 批复状态.
    public func count(of status: ApprovalTimeliness.Status) -> Int {
        nextQuarterApprovals.filter { $0.approval.status == status }.count
    }
}
