import KamPolicy
import XLSXWriter

/// 汇总分析表: the management department's consolidation of one business line for P
/// (SPEC §4.5, §5), with the cross-tier reconciliation stated on 概览.
public enum LineSummaryWorkbook {
    /// The fixed columns of 分公司汇总 (SPEC §5), which downstream people and tools rely on.
    public static var subsidiaryColumns: [String] { bySubsidiary.headers() }
    public static var topColumns: [String] { top.headers() }
    public static var migrationColumns: [String] { migration(GradeMigrationMatrix()).headers() }
    public static var potentialColumns: [String] { potential.headers() }
    public static var creditColumns: [String] { credit(names: [:]).headers() }
    public static var reconciliationColumns: [String] { reconciliationTable.headers() }

    /// Sheet names, in workbook order (资信预警 only for a quarterly P; 数据来源 always last).
    public static let sheetNames = ["概览", "分公司汇总", "重点客户排名", "等级迁移", "潜力客户", "资信预警", "报表核对", "数据来源"]

    @discardableResult
    public static func write(_ summary: LineSummary, reconciliation: Reconciliation, context: ReportContext,
                             to path: String) throws -> String {
        return try WorkbookShell.write(to: path, context: context, subject: "分公司销售汇总、重点客户、等级迁移与资信预警") { overview, writer in
            let names = Dictionary(summary.subsidiaries.map { ($0.subsidiaryCode, $0.subsidiaryName) }, uniquingKeysWith: { a, _ in a })

            try overview.title("\(context.ownerTitle) \(context.period) 汇总分析表")
            try overview.section("关键数据")
            try overview.line("分公司数", .integer(summary.subsidiaries.count))
            try overview.line("本期销售额", .money(summary.totalSales))
            try overview.line("上期销售额", .money(summary.totalPreviousSales))
            try overview.line("环比", .ratio(GrowthRate.of(summary.totalSales, over: summary.totalPreviousSales)))
            try overview.line("去年同期销售额", .money(summary.totalLastYearSales))
            try overview.line("同比", .ratio(GrowthRate.of(summary.totalSales, over: summary.totalLastYearSales)))
            try overview.line("活跃客户数", .integer(summary.totalActiveCustomers))
            for grade in OverviewCharts.grades {
                try overview.line("\(grade.rawValue)类客户数", .integer(summary.total(of: grade)))
            }
            try overview.line("大客户数", .integer(summary.totalKeyAccounts))
            try overview.line("潜力客户数", .integer(summary.potentialCustomers.count))
            if let warnings = summary.creditWarnings {
                try overview.line("超限客户数", .integer(warnings.filter { $0.level == .overLimit }.count))
                try overview.line("预警客户数", .integer(warnings.filter { $0.level == .warning }.count))
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

            try writer.table(named: "分公司汇总", columns: bySubsidiary, rows: summary.subsidiaries)
            try writer.table(named: "重点客户排名", columns: top, rows: summary.topCustomers)
            try writer.table(named: "等级迁移", columns: migration(summary.gradeMigration), rows: GradeMigrationMatrix.states)
            try writer.table(named: "潜力客户", columns: potential, rows: Array(summary.potentialCustomers.enumerated()))
            if let warnings = summary.creditWarnings {
                try writer.table(named: "资信预警", columns: credit(names: names), rows: warnings)
            }
            try writer.table(named: "报表核对", columns: reconciliationTable, rows: reconciliation.results)
        }
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

    /// A subsidiary whose P is missing shows 未报送 and blank figures, never 0.00, and blank grade
    /// counts when its grades are unknown (SPEC §8 "Incomplete data").
    static let bySubsidiary: [TableColumn<LineSubsidiaryFigures>] = {
        func figure(_ cell: @escaping @Sendable (LineSubsidiaryFigures) -> Cell) -> @Sendable (LineSubsidiaryFigures) -> Cell {
            { $0.isPeriodMissing ? .blank : cell($0) }
        }
        func grade(_ count: @escaping @Sendable (LineSubsidiaryFigures) -> Int) -> @Sendable (LineSubsidiaryFigures) -> Cell {
            { $0.isPeriodMissing || $0.areGradesMissing ? .blank : .integer(count($0)) }
        }
        return [
            TableColumn("分公司") { .text($0.subsidiaryCode) },
            TableColumn("分公司名称") { .text($0.subsidiaryName) },
            TableColumn("本期销售额", figure { .money($0.sales) }),
            TableColumn("上期销售额", figure { .money($0.previousSales) }),
            TableColumn("环比", figure { .ratio($0.pop) }),
            TableColumn("去年同期销售额", figure { .money($0.lastYearSales) }),
            TableColumn("同比", figure { .ratio($0.yoy) }),
            TableColumn("活跃客户数", figure { .integer($0.activeCustomers) }),
            TableColumn("A类", grade { $0.gradeA }),
            TableColumn("B类", grade { $0.gradeB }),
            TableColumn("C类", grade { $0.gradeC }),
            TableColumn("大客户数", grade { $0.keyAccounts }),
            TableColumn("提交状态", highlights: [.equalTo(SubmissionStatus.missing.label, ReportStyles.red),
                                             .equalTo("逾期", ReportStyles.amber)]) {
                .text($0.isPeriodMissing ? SubmissionStatus.missing.label : $0.submission.label)
            },
            TableColumn("接收时间") { receivedCell($0.submission) },
        ]
    }()

    static let top: [TableColumn<LineCustomer>] = [
        TableColumn("排名") { Cell.optionalInteger($0.rank) },
        TableColumn("分公司") { .text($0.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.subsidiaryName) },
        TableColumn("客户编码") { .id($0.row.customerID) },
        TableColumn("客户名称") { .text($0.row.customerName) },
        TableColumn("本期销售额") { .money($0.row.sales) },
        TableColumn("上期销售额") { .money($0.row.previousSales) },
        TableColumn("环比") { .ratio($0.row.pop) },
        TableColumn("去年同期销售额") { .money($0.row.lastYearSales) },
        TableColumn("同比") { .ratio($0.row.yoy) },
        TableColumn("近12月销售额") { .money($0.row.ttm) },
        TableColumn("等级") { Cell.optionalText($0.row.grade?.rawValue) },
        TableColumn("大客户") { $0.row.isKeyAccount ? .text("是") : .blank },
    ]

    /// Rows are the previous state, columns the current one.
    static func migration(_ matrix: GradeMigrationMatrix) -> [TableColumn<CustomerGrade?>] {
        [TableColumn("上期等级＼本期等级") { .text(GradeMigrationMatrix.label($0)) }]
            + GradeMigrationMatrix.states.map { current in
                TableColumn(GradeMigrationMatrix.label(current)) { .integer(matrix.count(previous: $0, current: current)) }
            }
    }

    static let potential: [TableColumn<(offset: Int, element: LineCustomer)>] = [
        TableColumn("序号") { .integer($0.offset + 1) },
        TableColumn("分公司") { .text($0.element.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.element.subsidiaryName) },
        TableColumn("客户编码") { .id($0.element.row.customerID) },
        TableColumn("客户名称") { .text($0.element.row.customerName) },
        TableColumn("等级") { Cell.optionalText($0.element.row.grade?.rawValue) },
        TableColumn("本期销售额") { .money($0.element.row.sales) },
        TableColumn("去年同期销售额") { .money($0.element.row.lastYearSales) },
        TableColumn("同比") { .ratio($0.element.row.yoy) },
        TableColumn("近12月销售额") { .money($0.element.row.ttm) },
    ]

    /// - Parameter names: subsidiary names by code.
    static func credit(names: [String: String]) -> [TableColumn<SubsidiaryCreditWarning>] {
        [TableColumn("分公司") { .text($0.subsidiaryCode) },
         TableColumn("分公司名称") { .text(names[$0.subsidiaryCode] ?? "") },
         TableColumn("客户编码") { .id($0.customerID) },
         TableColumn("客户名称") { .text($0.customerName) },
         TableColumn("应收余额") { .money($0.receivable) },
         TableColumn("执行额度") { .money($0.effectiveLimit) },
         TableColumn("额度来源") { .text($0.isLimitApproved ? "核定" : "未批复") },
         TableColumn("额度使用率") { .ratio($0.utilisation) },
         TableColumn("状态", highlights: [.equalTo(CreditWarningLevel.overLimit.rawValue, ReportStyles.red),
                                        .equalTo(CreditWarningLevel.warning.rawValue, ReportStyles.amber)]) { .text($0.level.rawValue) }]
    }

    static let reconciliationTable: [TableColumn<ReconciliationResult>] = [
        TableColumn("分公司") { .text($0.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.subsidiaryName) },
        TableColumn("客户销售报表版本") { Cell.optionalInteger($0.revision) },
        TableColumn("核对结果", highlights: [.equalTo("不一致", ReportStyles.red)]) { .text($0.label) },
        TableColumn("差异") { $0.differences.isEmpty ? .blank : .text(differenceText($0)) },
    ]
}
