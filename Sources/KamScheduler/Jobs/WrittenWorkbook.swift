import KamReports

/// What a job's build hands the ledger besides the file: the key figures other workbooks
/// reconcile with (`SalesTotalsRecord`), and the inputs its 数据不完整 banner lists. The mail
/// flags a workbook from that same list (SPEC §9: 数据不完整 flagged), so the message and the
/// workbook it carries cannot disagree about what was missing.
struct WrittenWorkbook: Sendable {
    var figures: String = ""
    var missingInputs: [String] = []
    /// The digest of what a reader sees (`VisibleContent`): a rebuild that shows the same is no
    /// new revision (SPEC §8 Workbooks).
    var visibleDigest: String = ""

    init(figures: String = "", context: ReportContext? = nil, visible: String = "") {
        self.figures = figures
        self.missingInputs = context?.missingInputs ?? []
        self.visibleDigest = visible
    }
}
