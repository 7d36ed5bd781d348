import KamPolicy
import XLSXWriter

/// 客户销售报表: a subsidiary's customers ranked, graded and compared (SPEC §4.1, §5).
public enum SalesReportWorkbook {
    /// The fixed columns of 客户排名, which downstream people and tools rely on.
    public static var rankingColumns: [String] { ranking(periodMissing: false, ttmMissing: false).headers() }
    public static var potentialColumns: [String] { potential.headers() }
    public static var changeColumns: [String] { change.headers() }

    /// Sheet 客户经理 (SPEC §4.6): 客户经理 first, then the columns §4.6 lists, in its order.
    public static var managerColumns: [String] { manager(gradesBlank: false, periodMissing: false, yoyBlank: false).headers() }
    public static var classCColumns: [String] { classC.headers() }

    /// What only a quarter's report carries (SPEC §4.6): the 客户经理 and C类客户分析 sheets.
    public struct QuarterAnalysis: Sendable {
        public var managers: [AccountManagerSummary]
        public var classC: ClassCCustomers

        public init(managers: [AccountManagerSummary], classC: ClassCCustomers) {
            self.managers = managers
            self.classC = classC
        }
    }

    @discardableResult
    public static func write(_ report: SalesReport, quarter: QuarterAnalysis? = nil, context: ReportContext, to path: String) throws -> String {
        return try WorkbookShell.write(to: path, context: context, subject: "客户销售排名、等级与变动") { overview, writer in
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
                for grade in OverviewCharts.grades { try overview.line("\(grade.rawValue)类客户数", .blank) }
                try overview.line("大客户数", .blank)
            } else {
                for grade in OverviewCharts.grades { try overview.line("\(grade.rawValue)类客户数", .integer(report.count(of: grade))) }
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

            try writer.table(named: "客户排名", columns: ranking(periodMissing: periodMissing, ttmMissing: report.isTTMMissing),
                             rows: report.rows)
            try writer.table(named: "潜力客户", columns: potential, rows: Array(report.potentialCustomers.enumerated()))
            try writer.table(named: "等级变动", columns: change, rows: report.gradeChanges)
            if let quarter {
                // The same windows blank here as on 客户排名 (SPEC §8 "Incomplete data").
                try writer.table(named: "客户经理", columns: manager(gradesBlank: report.isTTMMissing, periodMissing: periodMissing,
                                                                   yoyBlank: periodMissing || lastYearMissing),
                                 rows: quarter.managers)
                try writer.table(named: "C类客户分析", columns: classC, rows: Array(quarter.classC.entries.enumerated()))
            }
        }
    }

    /// 客户排名; 本期销售额 and 近12月销售额 are blank when their window has a missing month (the
    /// other blanked figures are nil in the row itself). A 降级 and a fall (negative 环比 or 同比)
    /// in red, a 升级 in green.
    static func ranking(periodMissing: Bool, ttmMissing: Bool) -> [TableColumn<SalesReportRow>] {
        [TableColumn("排名") { Cell.optionalInteger($0.rank) },
         TableColumn("客户编码") { .id($0.customerID) },
         TableColumn("客户名称") { .text($0.customerName) },
         TableColumn("本期销售额") { periodMissing ? .blank : .money($0.sales) },
         TableColumn("上期销售额") { .money($0.previousSales) },
         TableColumn("环比", highlights: [.below(0, ReportStyles.red)]) { .ratio($0.pop) },
         TableColumn("去年同期销售额") { .money($0.lastYearSales) },
         TableColumn("同比", highlights: [.below(0, ReportStyles.red)]) { .ratio($0.yoy) },
         TableColumn("本期毛利") { Cell.optionalMoney($0.profit) },
         TableColumn("毛利率") { .ratio($0.margin) },
         TableColumn("近12月销售额") { ttmMissing ? .blank : .money($0.ttm) },
         TableColumn("等级") { Cell.optionalText($0.grade?.rawValue) },
         TableColumn("上期等级") { Cell.optionalText($0.previousGrade?.rawValue) },
         TableColumn("等级变动", highlights: gradeChangeColours) { Cell.optionalText($0.gradeChange?.rawValue) },
         TableColumn("大客户") { $0.isKeyAccount ? .text("是") : .blank },
         TableColumn("大客户级别") { Cell.optionalText($0.keyAccountLevel) }]
    }

    static let gradeChangeColours: [Highlight] = [.equalTo(GradeChange.down.rawValue, ReportStyles.red),
                                                  .equalTo(GradeChange.up.rawValue, ReportStyles.green)]

    static let potential: [TableColumn<(offset: Int, element: SalesReportRow)>] = [
        TableColumn("序号") { .integer($0.offset + 1) },
        TableColumn("客户编码") { .id($0.element.customerID) },
        TableColumn("客户名称") { .text($0.element.customerName) },
        TableColumn("等级") { Cell.optionalText($0.element.grade?.rawValue) },
        TableColumn("本期销售额") { .money($0.element.sales) },
        TableColumn("去年同期销售额") { .money($0.element.lastYearSales) },
        TableColumn("同比") { .ratio($0.element.yoy) },
        TableColumn("近12月销售额") { .money($0.element.ttm) },
    ]

    static let change: [TableColumn<SalesReportRow>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("上期等级") { Cell.optionalText($0.previousGrade?.rawValue) },
        TableColumn("等级") { Cell.optionalText($0.grade?.rawValue) },
        TableColumn("等级变动", highlights: gradeChangeColours) { Cell.optionalText($0.gradeChange?.rawValue) },
        TableColumn("近12月销售额") { .money($0.ttm) },
    ]

    static func manager(gradesBlank: Bool, periodMissing: Bool, yoyBlank: Bool) -> [TableColumn<AccountManagerSummary>] {
        func grade(_ count: @escaping @Sendable (AccountManagerSummary) -> Int) -> @Sendable (AccountManagerSummary) -> Cell {
            { gradesBlank ? .blank : .integer(count($0)) }
        }
        return [TableColumn("客户经理") { .text($0.manager) },
                TableColumn("客户数") { .integer($0.customers) },
                TableColumn("A类", grade { $0.gradeA }),
                TableColumn("B类", grade { $0.gradeB }),
                TableColumn("C类", grade { $0.gradeC }),
                TableColumn("大客户数", grade { $0.keyAccounts }),
                TableColumn("本期销售额") { periodMissing ? .blank : .money($0.sales) },
                TableColumn("去年同期销售额") { .money($0.lastYearSales) },
                TableColumn("同比") { yoyBlank ? .blank : .ratio($0.yoy) },
                TableColumn("本期毛利") { periodMissing ? .blank : Cell.optionalMoney($0.profit) }]
    }

    static let classC: [TableColumn<(offset: Int, element: ClassCCustomers.Entry)>] = [
        TableColumn("序号") { .integer($0.offset + 1) },
        TableColumn("客户编码") { .id($0.element.row.customerID) },
        TableColumn("客户名称") { .text($0.element.row.customerName) },
        TableColumn("近12月销售额") { .money($0.element.row.ttm) },
        TableColumn("同比") { .ratio($0.element.row.yoy) },
        TableColumn("距B级差额") { Cell.optionalMoney($0.element.gapToB) },
    ]
}
