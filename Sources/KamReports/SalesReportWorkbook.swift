import KamPolicy
import XLSXWriter

/// 客户销售报表: a subsidiary's customers ranked, graded and compared (SPEC §4.1, §5).
public enum SalesReportWorkbook {
    /// The fixed columns of 客户排名, which downstream people and tools rely on.
    public static let rankingColumns = ["排名", "客户编码", "客户名称", "本期销售额", "上期销售额", "环比", "去年同期销售额", "同比",
                                        "本期毛利", "毛利率", "近12月销售额", "等级", "上期等级", "等级变动", "大客户", "大客户级别"]
    public static let potentialColumns = ["序号", "客户编码", "客户名称", "等级", "本期销售额", "去年同期销售额", "同比", "近12月销售额"]
    public static let changeColumns = ["客户编码", "客户名称", "上期等级", "等级", "等级变动", "近12月销售额"]

    public static func write(_ report: SalesReport, context: ReportContext, to path: String) throws {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(
            title: "\(context.ownerTitle) \(context.period) \(context.job.workbookName)",
            subject: "客户销售排名、等级与变动", company: context.company, author: "kam", created: context.createdUnix))
        let writer = SheetWriter(workbook: workbook, context: context)

        let overview = try OverviewSheet(writer: writer)
        try overview.title("\(context.ownerTitle) \(context.period) 客户销售报表")
        try overview.section("关键数据")
        // A total over a period with a missing month is blank, not 0.00 (SPEC §8 "Incomplete data").
        let periodMissing = report.isPeriodMissing
        let previousMissing = report.gaps.anyMissing(report.period.previous.months)
        let lastYearMissing = report.gaps.anyMissing(report.period.sameLastYear.months)
        try overview.line("本期销售额", periodMissing ? .blank : .money(report.totalSales))
        try overview.line("上期销售额", .money(report.totalPreviousSales))
        try overview.line("环比", periodMissing || previousMissing ? .blank
                                  : .ratio(GrowthRate.of(report.totalSales, over: report.totalPreviousSales)))
        try overview.line("去年同期销售额", .money(report.totalLastYearSales))
        try overview.line("同比", periodMissing || lastYearMissing ? .blank
                                  : .ratio(GrowthRate.of(report.totalSales, over: report.totalLastYearSales)))
        try overview.line("本期毛利", periodMissing ? .blank : Cell.optionalMoney(report.totalProfit))
        try overview.line("客户数(近24月有销售)", .integer(report.rows.count))
        try overview.line("本期有销售客户数", .integer(report.activeCustomers))
        try overview.line("A类 / B类 / C类", .integer(report.count(of: .a)), .integer(report.count(of: .b)), .integer(report.count(of: .c)))
        try overview.line("大客户数", .integer(report.keyAccounts))
        try overview.line("潜力客户数", .integer(report.potentialCustomers.count))
        try overview.line("等级变动客户数", .integer(report.gradeChanges.count))
        try overview.chart(.bar, title: "前十大客户 本期销售额", header: ("客户名称", "本期销售额"),
                           points: report.rows.filter { $0.rank != nil }.prefix(OverviewCharts.topCustomers)
                               .map { ($0.customerName, .money($0.sales)) },
                           axes: ("客户", "本期销售额(元)"), valueFormat: OverviewCharts.yuanFormat)
        try overview.chart(.column, title: "客户等级分布", header: ("等级", "客户数"),
                           points: OverviewCharts.grades.map { ("\($0.rawValue)类", .integer(report.count(of: $0))) },
                           axes: ("等级", "客户数"), valueFormat: "0")
        try overview.context(context)

        let ranking = try writer.table(named: "客户排名", headers: rankingColumns, rows: report.rows.map {
            rankingRow($0, periodMissing: periodMissing, ttmMissing: report.isTTMMissing)
        })
        if !report.rows.isEmpty {
            try ranking.highlight(cellsEqualTo: GradeChange.down.rawValue, firstRow: 1, firstColumn: 13,
                                  lastRow: report.rows.count, lastColumn: 13, style: ReportStyles.red)
            try ranking.highlight(cellsEqualTo: GradeChange.up.rawValue, firstRow: 1, firstColumn: 13,
                                  lastRow: report.rows.count, lastColumn: 13, style: ReportStyles.green)
        }
        try writer.table(named: "潜力客户", headers: potentialColumns,
                         rows: report.potentialCustomers.enumerated().map { i, r in
                             [.integer(i + 1), .text(r.customerID), .text(r.customerName), Cell.optionalText(r.grade?.rawValue),
                              .money(r.sales), .money(r.lastYearSales), .ratio(r.yoy), .money(r.ttm)]
                         })
        let changes = report.gradeChanges
        let changeSheet = try writer.table(named: "等级变动", headers: changeColumns, rows: changes.map { r in
            [.text(r.customerID), .text(r.customerName), Cell.optionalText(r.previousGrade?.rawValue),
             Cell.optionalText(r.grade?.rawValue), Cell.optionalText(r.gradeChange?.rawValue), .money(r.ttm)]
        })
        if !changes.isEmpty {
            try changeSheet.highlight(cellsEqualTo: GradeChange.down.rawValue, firstRow: 1, firstColumn: 4,
                                      lastRow: changes.count, lastColumn: 4, style: ReportStyles.red)
            try changeSheet.highlight(cellsEqualTo: GradeChange.up.rawValue, firstRow: 1, firstColumn: 4,
                                      lastRow: changes.count, lastColumn: 4, style: ReportStyles.green)
        }
        try workbook.close()
    }

    /// One row of 客户排名; 本期销售额 and 近12月销售额 are blank when their window has a missing
    /// month (the other blanked figures are nil in the row itself).
    static func rankingRow(_ r: SalesReportRow, periodMissing: Bool = false, ttmMissing: Bool = false) -> [Cell] {
        [Cell.optionalInteger(r.rank), .text(r.customerID), .text(r.customerName), periodMissing ? .blank : .money(r.sales),
         .money(r.previousSales), .ratio(r.pop), .money(r.lastYearSales), .ratio(r.yoy), Cell.optionalMoney(r.profit),
         .ratio(r.margin), ttmMissing ? .blank : .money(r.ttm),
         Cell.optionalText(r.grade?.rawValue), Cell.optionalText(r.previousGrade?.rawValue),
         Cell.optionalText(r.gradeChange?.rawValue), r.isKeyAccount ? .text("是") : .blank, Cell.optionalText(r.keyAccountLevel)]
    }
}
