import KamPolicy
import XLSXWriter

/// 资信额度申请表: next quarter's proposed credit limits for the general manager's approval
/// (SPEC §2, §4.2). The last two columns are left blank for the approval to be written in.
public enum CreditLimitProposalWorkbook {
    public static var proposalColumns: [String] { proposal.headers() }

    public static func write(_ proposal: CreditLimitProposal, context: ReportContext, to path: String) throws {
        try WorkbookShell.write(to: path, context: context, subject: "下季度资信额度建议与审批") { overview, writer in
            try overview.title("\(context.ownerTitle) \(proposal.quarter) 资信额度申请表")
            try overview.section("关键数据")
            try overview.line("额度适用季度", .text(proposal.quarter.description))
            try overview.line("申请日期", .date(proposal.proposalDate))
            try overview.line("审批截止日期", .date(proposal.approvalDeadline))
            try overview.line("销售基准月", .text(proposal.basisMonth.description))
            try overview.line("客户数", .integer(proposal.rows.count))
            try overview.line("近12月销售额合计", .money(proposal.totalTTM))
            try overview.line("建议额度合计", .money(proposal.totalLimit))
            for grade in CreditGrade.allCases {
                try overview.line("核定等级 \(grade.rawValue) 客户数", .integer(proposal.count(of: grade)))
            }
            try overview.section("计算方法")
            try overview.line("建议额度", .text("近12月销售额 ÷ 12 × 额度月数(按核定等级) × 付款方式系数, 向上取整至 \(YuanText.of(proposal.roundTo, grouped: true)) 的倍数"))

            try writer.table(named: "建议额度", columns: Self.proposal, rows: proposal.rows)
        }
    }

    /// 核定额度 and 审批人 stay blank: the general manager writes the approval in.
    static let proposal: [TableColumn<CreditLimitProposalRow>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("近12月销售额") { .money($0.ttm) },
        TableColumn("核定等级") { .integer($0.grade.rawValue) },
        TableColumn("额度月数") { .hundredths($0.coverHundredths) },
        TableColumn("付款方式") { .text($0.paymentTerms) },
        TableColumn("付款方式系数") { .hundredths($0.factorHundredths) },
        TableColumn("建议额度") { .money($0.limit) },
        TableColumn("核定额度") { _ in .blank },
        TableColumn("审批人") { _ in .blank },
    ]
}
