import KamPolicy
import XLSXWriter

/// 资信额度申请表: next quarter's proposed credit limits for the general manager's approval
/// (SPEC §2, §4.2): each customer's current limit, the proposal and the change, the last two
/// columns left blank for the approved limit and approver, and on 概览 the general manager's
/// 审批意见 / 签字 / 日期 block, so the printout can be used as the form it is.
public enum CreditLimitProposalWorkbook {
    public static var proposalColumns: [String] { proposal.headers() }

    @discardableResult
    public static func write(_ proposal: CreditLimitProposal, context: ReportContext, to path: String) throws -> String {
        return try WorkbookShell.write(to: path, context: context, subject: "下季度资信额度建议与审批") { overview, writer in
            try overview.title("\(context.ownerTitle) \(proposal.quarter) 资信额度申请表")
            try overview.section("关键数据")
            try overview.line("额度适用季度", .text(proposal.quarter.description))
            try overview.line("申请日期", .date(proposal.proposalDate))
            try overview.line("审批截止日期", .date(proposal.approvalDeadline))
            try overview.line("销售基准月", .text(proposal.basisMonth.description))
            try overview.line("客户数", .integer(proposal.rows.count))
            try overview.line("近12月销售额合计", .money(proposal.totalTTM))
            try overview.line("现行额度合计 (\(proposal.quarter.previous))", Cell.optionalMoney(proposal.totalCurrentLimit))
            try overview.line("建议额度合计", .money(proposal.totalLimit))
            for grade in CreditGrade.allCases {
                try overview.line("核定等级 \(grade.rawValue) 客户数", .integer(proposal.count(of: grade)))
            }
            try overview.section("计算方法")
            try overview.line("建议额度", .text("近12月销售额 ÷ 12 × 额度月数(按核定等级) × 付款方式系数, 向上取整至 \(YuanText.of(proposal.roundTo, grouped: true)) 的倍数"))

            try overview.section("总经理审批")
            try overview.blanksToFillIn(Self.approvalBlock)

            try writer.table(named: "建议额度", columns: Self.proposal, rows: proposal.rows)
        }
    }

    /// The general manager's block on 概览: what is written by hand, and how many lines each takes.
    static let approvalBlock = [("审批意见", 3), ("签字", 2), ("日期", 1)]

    /// 现行额度 and its 额度来源 are Q'−1's (核定, or 未批复 when only proposed); 增减 = 建议额度 −
    /// 现行额度. 核定额度 and 审批人 stay blank: the general manager writes the approval in.
    static let proposal: [TableColumn<CreditLimitProposalRow>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("近12月销售额") { .money($0.ttm) },
        TableColumn("核定等级") { .integer($0.grade.rawValue) },
        TableColumn("额度月数") { .hundredths($0.coverHundredths) },
        TableColumn("付款方式") { .text($0.paymentTerms) },
        TableColumn("付款方式系数") { .hundredths($0.factorHundredths) },
        TableColumn("现行额度") { Cell.optionalMoney($0.currentLimit?.amount) },
        TableColumn("现行额度来源") { Cell.optionalText($0.currentLimit?.shownSource?.rawValue) },
        TableColumn("建议额度") { .money($0.limit) },
        TableColumn("增减") { Cell.optionalMoney($0.change) },
        TableColumn("核定额度") { _ in .blank },
        TableColumn("审批人") { _ in .blank },
    ]
}
