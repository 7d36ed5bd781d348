import KamPolicy
import XLSXWriter

/// 汇总分析表: the management department's consolidation of one business line for P
/// (SPEC §4.5, §5), with the cross-tier reconciliation stated on 概览.
public enum LineSummaryWorkbook {
    /// The fixed columns of 分公司汇总 (SPEC §5), which downstream people and tools rely on.
    public static let subsidiaryColumns = ["分公司", "分公司名称", "本期销售额", "上期销售额", "环比", "去年同期销售额", "同比",
                                           "活跃客户数", "A类", "B类", "C类", "大客户数", "提交状态", "接收时间"]
    public static let topColumns = ["排名", "分公司", "分公司名称", "客户编码", "客户名称", "本期销售额", "上期销售额", "环比",
                                    "去年同期销售额", "同比", "近12月销售额", "等级", "大客户"]
    public static let migrationColumns = ["上期等级＼本期等级", "A", "B", "C", "无"]
    public static let potentialColumns = ["序号", "分公司", "分公司名称", "客户编码", "客户名称", "等级", "本期销售额",
                                          "去年同期销售额", "同比", "近12月销售额"]
    public static let creditColumns = ["分公司", "分公司名称", "客户编码", "客户名称", "应收余额", "执行额度", "额度来源",
                                       "额度使用率", "状态"]
    public static let reconciliationColumns = ["分公司", "分公司名称", "客户销售报表版本", "核对结果", "差异"]

    /// Sheet names, in workbook order (资信预警 only for a quarterly P).
    public static let sheetNames = ["概览", "分公司汇总", "重点客户排名", "等级迁移", "潜力客户", "资信预警", "报表核对"]

    public static func write(_ summary: LineSummary, reconciliation: Reconciliation, context: ReportContext,
                             to path: String) throws {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(
            title: "\(context.ownerTitle) \(context.period) \(context.job.workbookName)",
            subject: "分公司销售汇总、重点客户、等级迁移与资信预警", company: context.company, author: "kam",
            created: context.createdUnix))
        let writer = SheetWriter(workbook: workbook, context: context)
        let names = Dictionary(summary.subsidiaries.map { ($0.subsidiaryCode, $0.subsidiaryName) }, uniquingKeysWith: { a, _ in a })

        let overview = try OverviewSheet(writer: writer)
        try overview.title("\(context.ownerTitle) \(context.period) 汇总分析表")
        try overview.section("关键数据")
        try overview.line("分公司数", .integer(summary.subsidiaries.count))
        try overview.line("本期销售额", .money(summary.totalSales))
        try overview.line("上期销售额", .money(summary.totalPreviousSales))
        try overview.line("环比", .ratio(GrowthRate.of(summary.totalSales, over: summary.totalPreviousSales)))
        try overview.line("去年同期销售额", .money(summary.totalLastYearSales))
        try overview.line("同比", .ratio(GrowthRate.of(summary.totalSales, over: summary.totalLastYearSales)))
        try overview.line("活跃客户数", .integer(summary.totalActiveCustomers))
        try overview.line("A类 / B类 / C类", .integer(summary.total(of: .a)), .integer(summary.total(of: .b)),
                          .integer(summary.total(of: .c)))
        try overview.line("大客户数", .integer(summary.totalKeyAccounts))
        try overview.line("潜力客户数", .integer(summary.potentialCustomers.count))
        if let warnings = summary.creditWarnings {
            try overview.line("超限 / 预警客户数", .integer(warnings.filter { $0.level == .overLimit }.count),
                              .integer(warnings.filter { $0.level == .warning }.count))
        }
        let missing = summary.missingSubmissions.map(\.subsidiaryCode)
        try overview.line("未报送分公司", .text(missing.isEmpty ? "无" : missing.joined(separator: "、")))
        if !missing.isEmpty {
            try overview.line("合计范围", .text("以上合计与比率仅含已报送的分公司, 不含 \(missing.joined(separator: "、"))"))
        }

        try overview.section("跨层级核对")
        try overview.line("核对结果", .text(statement(reconciliation)))
        for r in reconciliation.results where !r.isConsistent {
            try overview.line("\(r.subsidiaryCode) \(r.label)", .text(differenceText(r)))
        }
        try overview.chart(.column, title: "各分公司本期销售额", header: ("分公司名称", "本期销售额"),
                           // A subsidiary whose P is missing has no bar (not a bar of 0): 概览 names it above.
                           points: summary.presentSubsidiaries.map { ($0.subsidiaryName, .money($0.sales)) },
                           axes: ("分公司", "本期销售额(元)"), valueFormat: OverviewCharts.yuanFormat)
        try overview.chart(.bar, title: "重点客户前十 本期销售额", header: ("客户名称", "本期销售额"),
                           points: summary.topCustomers.prefix(OverviewCharts.topCustomers).map { ($0.row.customerName, .money($0.row.sales)) },
                           axes: ("客户", "本期销售额(元)"), valueFormat: OverviewCharts.yuanFormat)
        try overview.chart(.column, title: "客户等级分布", header: ("等级", "客户数"),
                           points: OverviewCharts.grades.map { ("\($0.rawValue)类", .integer(summary.total(of: $0))) },
                           axes: ("等级", "客户数"), valueFormat: "0")
        try overview.context(context)

        let bySubsidiary = try writer.table(named: "分公司汇总", headers: subsidiaryColumns, rows: summary.subsidiaries.map { s in
            // P missing: 未报送 and blank figures, never 0.00 (SPEC §8 "Incomplete data").
            if s.isPeriodMissing {
                return [.text(s.subsidiaryCode), .text(s.subsidiaryName)] + Array(repeating: Cell.blank, count: 10)
                    + [.text(SubmissionStatus.missing.label), receivedCell(s.submission)]
            }
            let grades: [Cell] = s.areGradesMissing ? [.blank, .blank, .blank, .blank]
                : [.integer(s.gradeA), .integer(s.gradeB), .integer(s.gradeC), .integer(s.keyAccounts)]
            return [.text(s.subsidiaryCode), .text(s.subsidiaryName), .money(s.sales), .money(s.previousSales), .ratio(s.pop),
                    .money(s.lastYearSales), .ratio(s.yoy), .integer(s.activeCustomers)] + grades
                + [.text(s.submission.label), receivedCell(s.submission)]
        })
        if !summary.subsidiaries.isEmpty {
            try bySubsidiary.highlight(cellsEqualTo: SubmissionStatus.missing.label, firstRow: 1, firstColumn: 12,
                                       lastRow: summary.subsidiaries.count, lastColumn: 12, style: ReportStyles.red)
            try bySubsidiary.highlight(cellsEqualTo: "逾期", firstRow: 1, firstColumn: 12,
                                       lastRow: summary.subsidiaries.count, lastColumn: 12, style: ReportStyles.amber)
        }
        try writer.table(named: "重点客户排名", headers: topColumns, rows: summary.topCustomers.map { c in
            let r = c.row
            return [Cell.optionalInteger(c.rank), .text(c.subsidiaryCode), .text(c.subsidiaryName), .id(r.customerID),
                    .text(r.customerName), .money(r.sales), .money(r.previousSales), .ratio(r.pop), .money(r.lastYearSales),
                    .ratio(r.yoy), .money(r.ttm), Cell.optionalText(r.grade?.rawValue), r.isKeyAccount ? .text("是") : .blank]
        })
        try writer.table(named: "等级迁移", headers: migrationColumns, rows: GradeMigrationMatrix.states.map { previous in
            [.text(GradeMigrationMatrix.label(previous))]
                + GradeMigrationMatrix.states.map { .integer(summary.gradeMigration.count(previous: previous, current: $0)) }
        })
        try writer.table(named: "潜力客户", headers: potentialColumns, rows: summary.potentialCustomers.enumerated().map { i, c in
            let r = c.row
            return [.integer(i + 1), .text(c.subsidiaryCode), .text(c.subsidiaryName), .id(r.customerID), .text(r.customerName),
                    Cell.optionalText(r.grade?.rawValue), .money(r.sales), .money(r.lastYearSales), .ratio(r.yoy), .money(r.ttm)]
        })
        if let warnings = summary.creditWarnings {
            let sheet = try writer.table(named: "资信预警", headers: creditColumns, rows: warnings.map { w in
                [.text(w.subsidiaryCode), .text(names[w.subsidiaryCode] ?? ""), .id(w.customerID), .text(w.customerName),
                 .money(w.receivable), .money(w.effectiveLimit), .text(w.isLimitApproved ? "核定" : "未批复"),
                 .ratio(w.utilisation), .text(w.level.rawValue)]
            })
            if !warnings.isEmpty {
                try sheet.highlight(cellsEqualTo: CreditWarningLevel.overLimit.rawValue, firstRow: 1, firstColumn: 8,
                                    lastRow: warnings.count, lastColumn: 8, style: ReportStyles.red)
                try sheet.highlight(cellsEqualTo: CreditWarningLevel.warning.rawValue, firstRow: 1, firstColumn: 8,
                                    lastRow: warnings.count, lastColumn: 8, style: ReportStyles.amber)
            }
        }
        let check = try writer.table(named: "报表核对", headers: reconciliationColumns, rows: reconciliation.results.map { r in
            [.text(r.subsidiaryCode), .text(r.subsidiaryName), Cell.optionalInteger(r.revision), .text(r.label),
             r.differences.isEmpty ? .blank : .text(differenceText(r))]
        })
        if !reconciliation.results.isEmpty {
            try check.highlight(cellsEqualTo: "不一致", firstRow: 1, firstColumn: 3, lastRow: reconciliation.results.count,
                                lastColumn: 3, style: ReportStyles.red)
        }
        try workbook.close()
    }

    /// The sentence 概览 states, e.g. `分公司合计与各公司客户销售报表一致 (4/4)`.
    public static func statement(_ r: Reconciliation) -> String {
        let counts = "(\(r.consistentCount)/\(r.results.count))"
        return r.isConsistent ? "分公司合计与各公司客户销售报表一致 \(counts)"
            : "分公司合计与各公司客户销售报表不一致: 一致 \(counts)"
    }

    /// `本期销售额 汇总表 15.00 / 分公司报表 14.99; A类 …`.
    static func differenceText(_ r: ReconciliationResult) -> String {
        if r.isUnmatched { return "无同期客户销售报表可核对" }
        return r.differences.map { d in
            func show(_ v: Int64?) -> String { v.map { d.figure.isMoney ? YuanText.of($0, grouped: true) : String($0) } ?? "无" }
            return "\(d.figure.rawValue) 汇总表 \(show(d.management)) / 分公司报表 \(show(d.subsidiary))"
        }.joined(separator: "; ")
    }

    /// 接收时间 as `2026-10-03 10:00`, blank when never received.
    static func receivedCell(_ status: SubmissionStatus) -> Cell {
        Cell.optionalDateTime(status.received)
    }
}
