import KamPolicy
import XLSXWriter

/// 客户档案及拜访分析: the management department's quarterly report to HQ on customer files,
/// visits, approvals and who delivered (SPEC §4.5).
public enum HQQuarterlyWorkbook {
    public static let subsidiaryColumns = ["分公司", "分公司名称", "业务线", "档案数", "新增档案", "删除档案", "变更档案", "档案完整率",
                                           "信用代码错误数", "无档案客户数", "A类拜访达标率", "B类拜访达标率", "C类拜访达标率",
                                           "A类未达标客户数", "额度批复"]
    public static let nonCompliantColumns = ["分公司", "分公司名称", "客户编码", "客户名称", "应拜访次数", "实际拜访次数"]
    public static let missingApprovalColumns = ["分公司", "分公司名称", "期间"]
    public static let submissionColumns = ["分公司", "分公司名称", "资料", "期间", "提交状态", "接收时间"]
    public static let approvalColumns = ["分公司", "分公司名称", "额度期间", "申请日期", "批复截止日期", "批复状态", "接收时间"]
    public static let creditColumns = ["分公司", "分公司名称", "业务线", "超限", "预警", "无额度"]
    public static let sharedColumns = ["统一社会信用代码", "客户名称", "分公司", "分公司名称", "客户编码", "本季销售额", "应收余额",
                                       "核定等级", "执行额度"]
    public static let sheetNames = ["概览", "档案与拜访", "A类未达标客户", "额度批复缺失", "下季额度批复", "报送情况", "资信预警统计",
                                    "跨公司客户"]

    /// The group's credit view of Q (SPEC §4.5, §4.6): every subsidiary's 超限/预警/无额度 counts,
    /// and the customers shared across subsidiaries.
    public struct GroupCredit: Sendable {
        public var counts: [HQGroupCredit.Counts]
        public var shared: [HQGroupCredit.SharedRow]
        public var sharedCustomers: Int
        public var sharedReceivable: Fen

        public init(counts: [HQGroupCredit.Counts] = [], shared: [HQGroupCredit.SharedRow] = [], sharedCustomers: Int = 0,
                    sharedReceivable: Fen = 0) {
            self.counts = counts
            self.shared = shared
            self.sharedCustomers = sharedCustomers
            self.sharedReceivable = sharedReceivable
        }
    }

    /// How each input kind is named for readers.
    public static func kindLabel(_ kind: String) -> String {
        switch kind {
        case "sales": "销售明细"
        case "receivables": "应收账款"
        case "customers": "客户档案"
        case "visits": "拜访记录"
        case "approvals": "额度批复"
        default: kind
        }
    }

    public static func write(_ hq: HQQuarterly, group: GroupCredit = GroupCredit(), context: ReportContext, to path: String) throws {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(
            title: "\(context.ownerTitle) \(context.period) \(context.job.workbookName)",
            subject: "客户档案维护、拜访达标、额度批复与报送情况", company: context.company, author: "kam",
            created: context.createdUnix))
        let writer = SheetWriter(workbook: workbook, context: context)

        let overview = try OverviewSheet(writer: writer)
        try overview.title("\(context.ownerTitle) \(context.period) 客户档案及拜访分析")
        try overview.section("关键数据")
        try overview.line("分公司数", .integer(hq.subsidiaries.count))
        let withFiles = hq.subsidiaries.filter(\.files.hasSnapshot)
        try overview.line("档案数", .integer(withFiles.reduce(0) { $0 + $1.files.records }))
        try overview.line("新增 / 删除 / 变更档案", .integer(withFiles.reduce(0) { $0 + $1.files.newRecords }),
                          .integer(withFiles.reduce(0) { $0 + $1.files.removedRecords }),
                          .integer(withFiles.reduce(0) { $0 + $1.files.changedRecords }))
        try overview.line("信用代码错误数", .integer(withFiles.reduce(0) { $0 + $1.files.invalidCreditCodes }))
        try overview.line("无档案客户数", .integer(withFiles.reduce(0) { $0 + $1.files.customersWithoutFile }))
        try overview.line("A类未达标客户数", .integer(hq.aCustomersNotCompliant.count))
        let noApprovals = hq.missingApprovals.map(\.code)
        try overview.line("额度批复缺失分公司", .text(noApprovals.isEmpty ? "无" : noApprovals.joined(separator: "、")))
        let noFiles = hq.subsidiaries.filter { !$0.files.hasSnapshot }.map(\.subsidiaryCode)
        try overview.line("未报送客户档案分公司", .text(noFiles.isEmpty ? "无" : noFiles.joined(separator: "、")))
        let noVisits = hq.subsidiaries.filter { !$0.hasVisits }.map(\.subsidiaryCode)
        try overview.line("未报送拜访记录分公司", .text(noVisits.isEmpty ? "无" : noVisits.joined(separator: "、")))
        try overview.line("逾期或未报送资料数", .integer(hq.lateOrMissing.count))
        let judged = group.counts.filter { !$0.isReceivablesMissing }
        try overview.line("超限 / 预警 / 无额度客户数", .integer(judged.reduce(0) { $0 + ($1.overLimit ?? 0) }),
                          .integer(judged.reduce(0) { $0 + ($1.warning ?? 0) }), .integer(judged.reduce(0) { $0 + ($1.noLimit ?? 0) }))
        try overview.line("跨公司客户数", .integer(group.sharedCustomers))
        try overview.line("跨公司客户应收余额(元)", .money(group.sharedReceivable))
        if !hq.nextQuarterApprovals.isEmpty {
            let next = hq.quarter.shifted(by: 1)
            try overview.line("\(next) 额度 按时 / 逾期 / 未批复", .integer(hq.count(of: .onTime)), .integer(hq.count(of: .late)),
                              .integer(hq.count(of: .notApproved)))
            let behind = hq.nextQuarterApprovals.filter(\.approval.isOverdueOrMissing).map(\.subsidiaryCode)
            try overview.line("\(next) 额度逾期或未批复分公司", .text(behind.isEmpty ? "无" : behind.joined(separator: "、")))
        }
        try overview.context(context)

        let filesAndVisits = try writer.table(named: "档案与拜访", headers: subsidiaryColumns, rows: hq.subsidiaries.map { s in
            let f = s.files
            // Without an accepted snapshot the file figures are unknown, not zero: blank.
            func known(_ v: Int) -> Cell { f.hasSnapshot ? .integer(v) : .blank }
            return [.text(s.subsidiaryCode), .text(s.subsidiaryName), .text(s.lineName), known(f.records), known(f.newRecords),
                    known(f.removedRecords), known(f.changedRecords), .ratio(f.hasSnapshot ? f.completeness : nil),
                    known(f.invalidCreditCodes), known(f.customersWithoutFile), .ratio(s.complianceA), .ratio(s.complianceB),
                    .ratio(s.complianceC), s.hasVisits ? .integer(s.aCustomersNotCompliant) : .blank,
                    .text(s.approvalsMissing ? "缺失" : "已批复")]
        })
        // What HQ must act on stands out (issue 16 item 5): A customers not all visited as the
        // policy requires, and limits nobody approved.
        if !hq.subsidiaries.isEmpty, let a = subsidiaryColumns.firstIndex(of: "A类拜访达标率"),
           let approval = subsidiaryColumns.firstIndex(of: "额度批复") {
            try filesAndVisits.highlight(cellsBelow: 1, firstRow: 1, firstColumn: a, lastRow: hq.subsidiaries.count, lastColumn: a,
                                         style: ReportStyles.red)
            try filesAndVisits.highlight(cellsEqualTo: "缺失", firstRow: 1, firstColumn: approval, lastRow: hq.subsidiaries.count,
                                         lastColumn: approval, style: ReportStyles.red)
        }
        try writer.table(named: "A类未达标客户", headers: nonCompliantColumns, rows: hq.aCustomersNotCompliant.map { n in
            [.text(n.subsidiaryCode), .text(n.subsidiaryName), .id(n.customer.customerID), .text(n.customer.customerName),
             .integer(n.customer.required), .integer(n.customer.actual)]
        })
        try writer.table(named: "额度批复缺失", headers: missingApprovalColumns, rows: hq.missingApprovals.map { s in
            [.text(s.code), .text(s.name), .text(hq.quarter.description)]
        })
        try writer.table(named: "下季额度批复", headers: approvalColumns, rows: hq.nextQuarterApprovals.map { r in
            let a = r.approval
            return [.text(r.subsidiaryCode), .text(r.subsidiaryName), .text(a.quarter.description), .text(a.proposalDate.description),
                    .text(a.deadline.description), .text(a.status.rawValue),
                    Cell.optionalDateTime(a.received)]
        }, statusColumn: 5, colours: ReportStyles.approvalColours)
        let submissions = try writer.table(named: "报送情况", headers: submissionColumns, rows: hq.submissions.map { r in
            [.text(r.subsidiaryCode), .text(r.subsidiaryName), .text(kindLabel(r.submission.kind)),
             .text(r.submission.period.description), .text(r.submission.status.label),
             LineSummaryWorkbook.receivedCell(r.submission.status)]
        })
        if !hq.submissions.isEmpty {
            try submissions.highlight(cellsEqualTo: SubmissionStatus.missing.label, firstRow: 1, firstColumn: 4,
                                      lastRow: hq.submissions.count, lastColumn: 4, style: ReportStyles.red)
            try submissions.highlight(cellsEqualTo: "逾期", firstRow: 1, firstColumn: 4,
                                      lastRow: hq.submissions.count, lastColumn: 4, style: ReportStyles.amber)
        }
        // 未报送 (receivables missing): blank counts, never 0 (SPEC §8 "Incomplete data").
        try writer.table(named: "资信预警统计", headers: creditColumns, rows: group.counts.map { c in
            [.text(c.subsidiaryCode), .text(c.subsidiaryName), .text(c.lineName),
             Cell.optionalInteger(c.overLimit), Cell.optionalInteger(c.warning), Cell.optionalInteger(c.noLimit)]
        })
        try writer.table(named: "跨公司客户", headers: sharedColumns, rows: group.shared.map { r in
            [.id(r.creditCode), .text(r.customerName), .text(r.subsidiaryCode), .text(r.subsidiaryName), .id(r.customerID),
             .money(r.sales), Cell.optionalMoney(r.receivable), Cell.optionalInteger(r.approvedGrade?.rawValue),
             Cell.optionalMoney(r.limit)]
        })
        try workbook.close()
    }
}
