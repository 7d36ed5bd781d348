import KamPolicy
import XLSXWriter

/// 客户资信报表: a subsidiary's credit grades, limits and over-limit warnings for quarter Q
/// (SPEC §4.2, §5, §8 Credit).
public enum CreditReportWorkbook {
    /// The fixed columns of 资信评估 (SPEC §5), which downstream people and tools rely on.
    public static let assessmentColumns = ["客户编码", "客户名称", "期初应收", "本期销售额", "本期回款", "回款率", "应收余额", "逾期金额",
                                           "逾期率", "评估等级", "核定等级", "执行额度", "额度来源", "额度使用率", "状态"]
    public static let warningColumns = ["客户编码", "客户名称", "客户经理", "应收余额", "逾期金额", "执行额度", "超限金额", "额度来源",
                                        "额度使用率", "核定等级", "状态"]
    public static let changeColumns = ["客户编码", "客户名称", "原核定等级", "新核定等级"]

    /// 超限 red, 预警 and 无额度 amber (a receivable with no limit at all is an action item too).
    static let statusColours = [(CreditStatus.over.rawValue, ReportStyles.red), (CreditStatus.warning.rawValue, ReportStyles.amber),
                                (CreditStatus.noLimit.rawValue, ReportStyles.amber)]

    /// `approval`: 批复状态 of Q's limits (SPEC §4.6), shown on 概览 when given.
    public static func write(_ report: CreditReport, approval: ApprovalTimeliness? = nil, context: ReportContext,
                             to path: String) throws {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(
            title: "\(context.ownerTitle) \(context.period) \(context.job.workbookName)",
            subject: "客户资信评估、执行额度与超限预警", company: context.company, author: "kam", created: context.createdUnix))
        let writer = SheetWriter(workbook: workbook, context: context)

        let overview = try OverviewSheet(writer: writer)
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
        try overview.line("评估等级 1 / 2 / 3", .integer(report.countAssessed(.one)), .integer(report.countAssessed(.two)),
                          .integer(report.countAssessed(.three)))
        try overview.line("核定等级 1 / 2 / 3", .integer(report.countApproved(.one)), .integer(report.countApproved(.two)),
                          .integer(report.countApproved(.three)))
        try overview.line("超限 / 预警 / 无额度", .integer(report.count(of: .over)), .integer(report.count(of: .warning)),
                          .integer(report.count(of: .noLimit)))
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
        try overview.context(context)

        try writer.table(named: "资信评估", headers: assessmentColumns, rows: report.rows.map(assessmentRow),
                         statusColumn: 14, colours: statusColours)
        try writer.table(named: "超限预警", headers: warningColumns, rows: report.overLimitAndWarnings.map { r in
            [.id(r.customerID), .text(r.customerName), .text(r.accountManager), Cell.optionalMoney(r.figures.receivable),
             Cell.optionalMoney(r.figures.overdue), .money(r.limit.amount), Cell.optionalMoney(r.excess),
             Cell.optionalText(r.limit.shownSource?.rawValue),
             .ratio(r.utilisation), Cell.optionalInteger(r.approvedGrade?.rawValue), .text(r.status.rawValue)]
        }, statusColumn: 10, colours: statusColours)
        if ApprovedCreditGrade.isHalfYearEnd(report.quarter) {
            try writer.table(named: "核定等级变动", headers: changeColumns, rows: report.approvedGradeChanges.map { c in
                [.id(c.customerID), .text(c.customerName), .integer(c.previous.rawValue), .integer(c.current.rawValue)]
            })
        }
        try workbook.close()
    }

    static func assessmentRow(_ r: CreditReportRow) -> [Cell] {
        let f = r.figures
        return [.id(r.customerID), .text(r.customerName), .money(f.opening), .money(f.sales), Cell.optionalMoney(f.collected),
                .ratio(f.collectionRate), Cell.optionalMoney(f.receivable), Cell.optionalMoney(f.overdue), .ratio(f.overdueRatio),
                Cell.optionalInteger(f.assessedGrade?.rawValue), Cell.optionalInteger(r.approvedGrade?.rawValue),
                .money(r.limit.amount), Cell.optionalText(r.limit.shownSource?.rawValue), .ratio(r.utilisation),
                .text(r.status.rawValue)]
    }
}
