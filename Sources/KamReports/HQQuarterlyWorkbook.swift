import KamPolicy
import XLSXWriter

/// 客户档案及拜访分析: the management department's quarterly report to HQ on customer files,
/// visits, approvals and who delivered (SPEC §4.5).
public enum HQQuarterlyWorkbook {
    public static var subsidiaryColumns: [String] { filesAndVisits.headers() }
    public static var nonCompliantColumns: [String] { nonCompliant.headers() }
    public static var missingApprovalColumns: [String] { missingApproval(quarter: "").headers() }
    public static var submissionColumns: [String] { submission.headers() }
    public static var approvalColumns: [String] { approval.headers() }
    public static var creditColumns: [String] { credit.headers() }
    public static var sharedColumns: [String] { shared.headers() }
    public static let sheetNames = ["概览", "档案与拜访", "A类未达标客户", "额度批复缺失", "下季额度批复", "报送情况", "资信预警统计",
                                    "跨公司客户", "数据来源"]

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

    @discardableResult
    public static func write(_ hq: HQQuarterly, group: GroupCredit = GroupCredit(), context: ReportContext, to path: String) throws -> String {
        return try WorkbookShell.write(to: path, context: context, subject: "客户档案维护、拜访达标、额度批复与报送情况") { overview, writer in
            try overview.title("\(context.ownerTitle) \(context.period) 客户档案及拜访分析")
            try overview.section("关键数据")
            try overview.line("分公司数", .integer(hq.subsidiaries.count))
            let withFiles = hq.subsidiaries.filter(\.files.hasSnapshot)
            try overview.line("档案数", .integer(withFiles.reduce(0) { $0 + $1.files.records }))
            try overview.line("新增档案", .integer(withFiles.reduce(0) { $0 + $1.files.newRecords }))
            try overview.line("删除档案", .integer(withFiles.reduce(0) { $0 + $1.files.removedRecords }))
            try overview.line("变更档案", .integer(withFiles.reduce(0) { $0 + $1.files.changedRecords }))
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
            try overview.line("超限客户数", .integer(judged.reduce(0) { $0 + ($1.overLimit ?? 0) }))
            try overview.line("预警客户数", .integer(judged.reduce(0) { $0 + ($1.warning ?? 0) }))
            try overview.line("无额度客户数", .integer(judged.reduce(0) { $0 + ($1.noLimit ?? 0) }))
            try overview.line("跨公司客户数", .integer(group.sharedCustomers))
            try overview.line("跨公司客户应收余额", .money(group.sharedReceivable))
            if !hq.nextQuarterApprovals.isEmpty {
                let next = hq.quarter.shifted(by: 1)
                for status in [ApprovalTimeliness.Status.onTime, .late, .notApproved] {
                    try overview.line("\(next) 额度\(status.rawValue)分公司数", .integer(hq.count(of: status)))
                }
                let behind = hq.nextQuarterApprovals.filter(\.approval.isOverdueOrMissing).map(\.subsidiaryCode)
                try overview.line("\(next) 额度逾期或未批复分公司", .text(behind.isEmpty ? "无" : behind.joined(separator: "、")))
            }

            try writer.table(named: "档案与拜访", columns: filesAndVisits, rows: hq.subsidiaries)
            try writer.table(named: "A类未达标客户", columns: nonCompliant, rows: hq.aCustomersNotCompliant)
            try writer.table(named: "额度批复缺失", columns: missingApproval(quarter: hq.quarter.description), rows: hq.missingApprovals)
            try writer.table(named: "下季额度批复", columns: approval, rows: hq.nextQuarterApprovals)
            try writer.table(named: "报送情况", columns: submission, rows: hq.submissions)
            try writer.table(named: "资信预警统计", columns: credit, rows: group.counts)
            try writer.table(named: "跨公司客户", columns: shared, rows: group.shared)
        }
    }

    /// What HQ must act on stands out (issue 16 item 5): A customers not all visited as the
    /// policy requires, and limits nobody approved. Without an accepted snapshot the file
    /// figures are unknown, not zero: blank.
    static let filesAndVisits: [TableColumn<HQQuarterly.SubsidiaryRow>] = {
        func known(_ value: @escaping @Sendable (SubsidiaryFileFigures) -> Int) -> @Sendable (HQQuarterly.SubsidiaryRow) -> Cell {
            { $0.files.hasSnapshot ? .integer(value($0.files)) : .blank }
        }
        return [
            TableColumn("分公司") { .text($0.subsidiaryCode) },
            TableColumn("分公司名称") { .text($0.subsidiaryName) },
            TableColumn("业务线") { .text($0.lineName) },
            TableColumn("档案数", known { $0.records }),
            TableColumn("新增档案", known { $0.newRecords }),
            TableColumn("删除档案", known { $0.removedRecords }),
            TableColumn("变更档案", known { $0.changedRecords }),
            TableColumn("档案完整率") { .ratio($0.files.hasSnapshot ? $0.files.completeness : nil) },
            TableColumn("信用代码错误数", known { $0.invalidCreditCodes }),
            TableColumn("无档案客户数", known { $0.customersWithoutFile }),
            TableColumn("A类拜访达标率", highlights: [.below(1, ReportStyles.red)]) { .ratio($0.complianceA) },
            TableColumn("B类拜访达标率") { .ratio($0.complianceB) },
            TableColumn("C类拜访达标率") { .ratio($0.complianceC) },
            TableColumn("A类未达标客户数") { $0.hasVisits ? .integer($0.aCustomersNotCompliant) : .blank },
            TableColumn("额度批复", highlights: [.equalTo("缺失", ReportStyles.red)]) { .text($0.approvalsMissing ? "缺失" : "已批复") },
        ]
    }()

    static let nonCompliant: [TableColumn<HQQuarterly.NonCompliantCustomer>] = [
        TableColumn("分公司") { .text($0.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.subsidiaryName) },
        TableColumn("客户编码") { .id($0.customer.customerID) },
        TableColumn("客户名称") { .text($0.customer.customerName) },
        TableColumn("应拜访次数") { .integer($0.customer.required) },
        TableColumn("实际拜访次数") { .integer($0.customer.actual) },
    ]

    /// - Parameter quarter: the quarter whose approvals are missing, as shown.
    static func missingApproval(quarter: String) -> [TableColumn<Subsidiary>] {
        [TableColumn("分公司") { .text($0.code) },
         TableColumn("分公司名称") { .text($0.name) },
         TableColumn("期间") { _ in .text(quarter) }]
    }

    static let approval: [TableColumn<HQQuarterly.ApprovalRow>] = [
        TableColumn("分公司") { .text($0.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.subsidiaryName) },
        TableColumn("额度期间") { .text($0.approval.quarter.description) },
        TableColumn("申请日期") { .date($0.approval.proposalDate) },
        TableColumn("批复截止日期") { .date($0.approval.deadline) },
        TableColumn("批复状态", highlights: Highlight.equalTo(ReportStyles.approvalColours)) { .text($0.approval.status.rawValue) },
        TableColumn("接收时间") { Cell.optionalDateTime($0.approval.received) },
    ]

    static let submission: [TableColumn<HQQuarterly.SubmissionRow>] = [
        TableColumn("分公司") { .text($0.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.subsidiaryName) },
        TableColumn("资料") { .text(kindLabel($0.submission.kind)) },
        TableColumn("期间") { .text($0.submission.period.description) },
        TableColumn("提交状态", highlights: [.equalTo(SubmissionStatus.missing.label, ReportStyles.red),
                                         .equalTo("逾期", ReportStyles.amber)]) { .text($0.submission.status.label) },
        TableColumn("接收时间") { LineSummaryWorkbook.receivedCell($0.submission.status) },
    ]

    /// 未报送 (receivables missing): blank counts, never 0 (SPEC §8 "Incomplete data").
    static let credit: [TableColumn<HQGroupCredit.Counts>] = [
        TableColumn("分公司") { .text($0.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.subsidiaryName) },
        TableColumn("业务线") { .text($0.lineName) },
        TableColumn("超限") { Cell.optionalInteger($0.overLimit) },
        TableColumn("预警") { Cell.optionalInteger($0.warning) },
        TableColumn("无额度") { Cell.optionalInteger($0.noLimit) },
    ]

    static let shared: [TableColumn<HQGroupCredit.SharedRow>] = [
        TableColumn("统一社会信用代码") { .id($0.creditCode) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("分公司") { .text($0.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.subsidiaryName) },
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("本季销售额") { .money($0.sales) },
        TableColumn("应收余额") { Cell.optionalMoney($0.receivable) },
        TableColumn("核定等级") { Cell.optionalInteger($0.approvedGrade?.rawValue) },
        TableColumn("执行额度") { Cell.optionalMoney($0.limit) },
    ]
}
