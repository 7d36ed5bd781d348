import KamPolicy
import XLSXWriter

/// 客户资信报表: a subsidiary's credit grades, limits and over-limit warnings for quarter Q
/// (SPEC §4.2, §5, §8 Credit).
public enum CreditReportWorkbook {
    /// The fixed columns of 资信评估 (SPEC §5), which downstream people and tools rely on.
    public static var assessmentColumns: [String] { assessment.headers() }
    public static var warningColumns: [String] { warning.headers() }
    public static var changeColumns: [String] { change.headers() }

    /// 超限 red, 预警 and 无额度 amber (a receivable with no limit at all is an action item too).
    static let statusColours = [(CreditStatus.over.rawValue, ReportStyles.red), (CreditStatus.warning.rawValue, ReportStyles.amber),
                                (CreditStatus.noLimit.rawValue, ReportStyles.amber)]

    /// `approval`: 批复状态 of Q's limits (SPEC §4.6), shown on 概览 when given.
    @discardableResult
    public static func write(_ report: CreditReport, approval: ApprovalTimeliness? = nil, context: ReportContext,
                             to path: String) throws -> String {
        return try WorkbookShell.write(to: path, context: context, subject: "客户资信评估、执行额度与超限预警") { overview, writer in
            try overview.title("\(context.ownerTitle) \(context.period) 客户资信报表")
            if report.isReceivablesMissing {
                try overview.section("输入缺失")
                try overview.line("应收账款文件", .text("缺失: 未收到 \(report.quarter) 的应收账款(receivables)文件; 评估等级、本期回款、应收余额、逾期金额、回款率、逾期率与额度使用率留空, 状态为未报送"))
            }
            try overview.section("关键数据")
            try overview.line("客户数", .integer(report.rows.count))
            try overview.line("期初应收合计", .money(report.totalOpening))
            try overview.line("本期销售额合计", .money(report.totalSales))
            let (receivable, overdue) = (try report.totalReceivable, try report.totalOverdue)
            try overview.line("本期回款合计", Cell.optionalMoney(report.totalCollected))
            try overview.line("应收余额合计", Cell.optionalMoney(receivable))
            try overview.line("逾期金额合计", Cell.optionalMoney(overdue))
            try overview.line("逾期率(合计)", .ratio(receivable.flatMap { r in overdue.map { OverdueRatio.of(overdue: $0, receivable: r) } }))
            try overview.line("执行额度合计", .money(report.totalLimit))
            for grade in CreditGrade.allCases {
                try overview.line("评估等级 \(grade.rawValue) 客户数", .integer(report.countAssessed(grade)))
            }
            for grade in CreditGrade.allCases {
                try overview.line("核定等级 \(grade.rawValue) 客户数", .integer(report.countApproved(grade)))
            }
            for status in [CreditStatus.over, .warning, .noLimit] {
                try overview.line("\(status.rawValue)客户数", .integer(report.count(of: status)))
            }
            try overview.line("额度未批复客户数", .integer(report.rows.filter { $0.limit.shownSource == .proposed }.count))
            if let approval {
                try overview.section("额度批复")
                try overview.approvalLines(approval)
            }
            if ApprovedCreditGrade.isHalfYearEnd(report.quarter) {
                try overview.line("核定等级变动客户数", .integer(report.approvedGradeChanges.count))
            }
            if !report.warnings.isEmpty {
                try overview.section("输入提示")
                for w in report.warnings { try overview.line("注意", .text(w)) }
            }
            try overview.chart(.column, title: "资信状态分布", header: ("状态", "客户数"),
                               points: CreditStatus.allCases.filter { $0 != .notSubmitted || report.count(of: $0) > 0 }
                                   .map { ($0.rawValue, .integer(report.count(of: $0))) },
                               axes: ("状态", "客户数"), valueFormat: "0")

            try writer.table(named: "资信评估", columns: assessment, rows: report.rows)
            try writer.table(named: "超限预警", columns: warning, rows: report.overLimitAndWarnings)
            if ApprovedCreditGrade.isHalfYearEnd(report.quarter) {
                try writer.table(named: "核定等级变动", columns: change, rows: report.approvedGradeChanges)
            }
        }
    }

    static let assessment: [TableColumn<CreditReportRow>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("期初应收") { .money($0.figures.opening) },
        TableColumn("本期销售额") { .money($0.figures.sales) },
        TableColumn("本期回款") { Cell.optionalMoney($0.figures.collected) },
        TableColumn("回款率") { .ratio($0.figures.collectionRate) },
        TableColumn("应收余额") { Cell.optionalMoney($0.figures.receivable) },
        TableColumn("逾期金额") { Cell.optionalMoney($0.figures.overdue) },
        TableColumn("逾期率") { .ratio($0.figures.overdueRatio) },
        TableColumn("评估等级") { Cell.optionalInteger($0.figures.assessedGrade?.rawValue) },
        TableColumn("核定等级") { Cell.optionalInteger($0.approvedGrade?.rawValue) },
        TableColumn("执行额度") { .money($0.limit.amount) },
        TableColumn("额度来源") { Cell.optionalText($0.limit.shownSource?.rawValue) },
        TableColumn("额度使用率") { .ratio($0.utilisation) },
        TableColumn("状态", highlights: Highlight.equalTo(statusColours)) { .text($0.status.rawValue) },
    ]

    static let warning: [TableColumn<CreditReportRow>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("客户经理") { .text($0.accountManager) },
        TableColumn("应收余额") { Cell.optionalMoney($0.figures.receivable) },
        TableColumn("逾期金额") { Cell.optionalMoney($0.figures.overdue) },
        TableColumn("执行额度") { .money($0.limit.amount) },
        TableColumn("超限金额") { Cell.optionalMoney($0.excess) },
        TableColumn("额度来源") { Cell.optionalText($0.limit.shownSource?.rawValue) },
        TableColumn("额度使用率") { .ratio($0.utilisation) },
        TableColumn("核定等级") { Cell.optionalInteger($0.approvedGrade?.rawValue) },
        TableColumn("状态", highlights: Highlight.equalTo(statusColours)) { .text($0.status.rawValue) },
    ]

    static let change: [TableColumn<ApprovedGradeChange>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("原核定等级") { .integer($0.previous.rawValue) },
        TableColumn("新核定等级") { .integer($0.current.rawValue) },
    ]
}
