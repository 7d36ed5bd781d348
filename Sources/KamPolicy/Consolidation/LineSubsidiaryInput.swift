/// What the line summary takes from one subsidiary for period P: its sales report for P (the
/// same figures its own 客户销售报表 shows), whether its sales input arrived, and — for quarterly
/// P — its over-limit and warning customers.
public struct LineSubsidiaryInput: Sendable {
    public var subsidiary: Subsidiary
    /// The subsidiary's §4.1 report for the same P.
    public var report: SalesReport
    /// The submission status of its `sales` input for P (with the received time).
    public var submission: SubmissionStatus
    /// The revision of the subsidiary's 客户销售报表 these figures are those of, when known;
    /// shown next to the reconciliation so a reader can find the workbook that was compared.
    public var salesReportRevision: Int?
    /// 超限 and 预警 customers of its credit report for P; ignored for a monthly P.
    public var creditWarnings: [SubsidiaryCreditWarning]

    public init(subsidiary: Subsidiary, report: SalesReport, submission: SubmissionStatus,
                salesReportRevision: Int? = nil, creditWarnings: [SubsidiaryCreditWarning] = []) {
        self.subsidiary = subsidiary
        self.report = report
        self.submission = submission
        self.salesReportRevision = salesReportRevision
        self.creditWarnings = creditWarnings
    }
}
