import KamPolicy
import XLSXWriter

/// 客户销售报表: a subsidiary's customers ranked, graded and compared (SPEC §4.1, §5).
public enum SalesReportWorkbook {
    /// The fixed columns of 客户排名, which downstream people and tools rely on.
    public static let rankingColumns = ["排名", "客户编码", "客户名称", "本期销售额", "上期销售额", "环比", "去年同期销售额", "同比",
                                        "本期毛利", "毛利率", "近12月销售额", "等级", "上期等级", "等级变动", "大客户", "大客户级别"]
    public static let potentialColumns = ["序号", "客户编码", "客户名称", "等级", "本期销售额", "去年同期销售额", "同比", "近12月销售额"]
    public static let changeColumns = ["客户编码", "客户名称", "上期等级", "等级", "等级变动", "近12月销售额"]

    /// Sheet 客户经理 (SPEC §4.6): 客户经理 first, then the columns §4.6 lists, in its order.
    public static let managerColumns = ["客户经理", "客户数", "A类", "B类", "C类", "大客户数", "本期销售额", "去年同期销售额", "同比",
                                        "本期毛利"]
    public static let classCColumns = ["序号", "客户编码", "客户名称", "近12月销售额", "同比", "距B级差额"]

    /// What only a quarter's report carries (SPEC §4.6): the 客户经理 and C类客户分析 sheets.
    public struct QuarterAnalysis: Sendable {
        public var managers: [AccountManagerSummary]
        public var classC: ClassCCustomers

        public init(managers: [AccountManagerSummary], classC: ClassCCustomers) {
            self.managers = managers
            self.classC = classC
        }
    }

    public static func write(_ report: SalesReport, quarter: QuarterAnalysis? = nil, context: ReportContext, to path: String) throws {
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
        if report.isTTMMissing {
            try overview.line("A类 / B类 / C类", .blank, .blank, .blank)
            try overview.line("大客户数", .blank)
        } else {
            try overview.line("A类 / B类 / C类", .integer(report.count(of: .a)), .integer(report.count(of: .b)), .integer(report.count(of: .c)))
            try overview.line("大客户数", .integer(report.keyAccounts))
        }
        try overview.line("潜力客户数", .integer(report.potentialCustomers.count))
        try overview.line("等级变动客户数", .integer(report.gradeChanges.count))
        if let c = quarter?.classC {
            let blank = report.isTTMMissing  // no grades: nothing to say about C customers
            try overview.section("C类客户")
            try overview.line("C类客户数", blank ? .blank : .integer(c.count))
            try overview.line("C类客户近12月销售额占比", blank ? .blank : .ratio(c.ttmShare))
            try overview.line("本期由C类升为B类客户数", blank ? .blank : .integer(c.movedToB))
        }
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
            // A fall (negative 环比 or 同比) in red.
            for column in [5, 7] {
                try ranking.highlight(cellsBelow: 0, firstRow: 1, firstColumn: column, lastRow: report.rows.count,
                                      lastColumn: column, style: ReportStyles.red)
            }
            try ranking.highlight(cellsEqualTo: GradeChange.down.rawValue, firstRow: 1, firstColumn: 13,
                                  lastRow: report.rows.count, lastColumn: 13, style: ReportStyles.red)
            try ranking.highlight(cellsEqualTo: GradeChange.up.rawValue, firstRow: 1, firstColumn: 13,
                                  lastRow: report.rows.count, lastColumn: 13, style: ReportStyles.green)
        }
        try writer.table(named: "潜力客户", headers: potentialColumns,
                         rows: report.potentialCustomers.enumerated().map { i, r in
                             [.integer(i + 1), .id(r.customerID), .text(r.customerName), Cell.optionalText(r.grade?.rawValue),
                              .money(r.sales), .money(r.lastYearSales), .ratio(r.yoy), .money(r.ttm)]
                         })
        let changes = report.gradeChanges
        let changeSheet = try writer.table(named: "等级变动", headers: changeColumns, rows: changes.map { r in
            [.id(r.customerID), .text(r.customerName), Cell.optionalText(r.previousGrade?.rawValue),
             Cell.optionalText(r.grade?.rawValue), Cell.optionalText(r.gradeChange?.rawValue), .money(r.ttm)]
        })
        if !changes.isEmpty {
            try changeSheet.highlight(cellsEqualTo: GradeChange.down.rawValue, firstRow: 1, firstColumn: 4,
                                      lastRow: changes.count, lastColumn: 4, style: ReportStyles.red)
            try changeSheet.highlight(cellsEqualTo: GradeChange.up.rawValue, firstRow: 1, firstColumn: 4,
                                      lastRow: changes.count, lastColumn: 4, style: ReportStyles.green)
        }
        if let quarter {
            // The same windows blank here as on 客户排名 (SPEC §8 "Incomplete data").
            let gradesBlank = report.isTTMMissing
            let yoyBlank = periodMissing || lastYearMissing
            try writer.table(named: "客户经理", headers: managerColumns, rows: quarter.managers.map { m in
                [.text(m.manager), .integer(m.customers)]
                    + (gradesBlank ? [Cell.blank, .blank, .blank, .blank]
                                   : [.integer(m.gradeA), .integer(m.gradeB), .integer(m.gradeC), .integer(m.keyAccounts)])
                    + [periodMissing ? .blank : .money(m.sales), .money(m.lastYearSales), yoyBlank ? .blank : .ratio(m.yoy),
                       periodMissing ? .blank : Cell.optionalMoney(m.profit)]
            })
            try writer.table(named: "C类客户分析", headers: classCColumns, rows: quarter.classC.entries.enumerated().map { i, e in
                [.integer(i + 1), .id(e.row.customerID), .text(e.row.customerName), .money(e.row.ttm), .ratio(e.row.yoy),
                 Cell.optionalMoney(e.gapToB)]
            })
        }
        try workbook.close()
    }

    /// One row of 客户排名; 本期销售额 and 近12月销售额 are blank when their window has a missing
    /// month (the other blanked figures are nil in the row itself).
    static func rankingRow(_ r: SalesReportRow, periodMissing: Bool = false, ttmMissing: Bool = false) -> [Cell] {
        [Cell.optionalInteger(r.rank), .id(r.customerID), .text(r.customerName), periodMissing ? .blank : .money(r.sales),
         .money(r.previousSales), .ratio(r.pop), .money(r.lastYearSales), .ratio(r.yoy), Cell.optionalMoney(r.profit),
         .ratio(r.margin), ttmMissing ? .blank : .money(r.ttm),
         Cell.optionalText(r.grade?.rawValue), Cell.optionalText(r.previousGrade?.rawValue),
         Cell.optionalText(r.gradeChange?.rawValue), r.isKeyAccount ? .text("是") : .blank, Cell.optionalText(r.keyAccountLevel)]
    }
}
