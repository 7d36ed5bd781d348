import KamPolicy
import XLSXWriter

/// 客户拜访记录及分析: visit compliance per customer, the half-year senior visits, visitors,
/// purposes and visits to unknown customers for quarter Q (SPEC §4.3).
public enum VisitReportWorkbook {
    public static var complianceColumns: [String] { compliance(unknown: false).headers() }
    public static var visitColumns: [String] { visit(names: [:]).headers() }
    public static var visitorColumns: [String] { visitor.headers() }
    public static var purposeColumns: [String] { purpose(total: 0).headers() }
    public static var unknownColumns: [String] { unknownCustomer.headers() }

    @discardableResult
    public static func write(_ report: VisitReport, context: ReportContext, to path: String) throws -> String {
        return try WorkbookShell.write(to: path, context: context, subject: "客户拜访达标与分析") { overview, writer in
            try overview.title("\(context.ownerTitle) \(context.period) 客户拜访记录及分析")
            if report.isVisitsMissing {
                try overview.section("输入缺失")
                try overview.line("拜访记录文件", .text("缺失: 未收到 \(report.quarter) 的拜访记录(visits)文件, 实际拜访次数与达标情况留空(未报送)"))
            }
            try overview.section("关键数据")
            try overview.line("应拜访次数合计", .integer(report.requiredTotal))
            // Q's visits missing: what was done is unknown, not zero (SPEC §8 "Incomplete data").
            let unknown = report.isVisitsMissing
            try overview.line("实际拜访次数(已知客户)", unknown ? .blank : .integer(report.actualTotal))
            try overview.line("考核客户数", .integer(report.rows.count))
            try overview.line("达标客户数", unknown ? .blank : .integer(report.compliantCount))
            for grade in [CustomerGrade.a, .b, .c] {
                let c = report.compliance(of: grade)
                try overview.line("\(grade.rawValue)类 应拜访客户数", .integer(c.customers))
                try overview.line("\(grade.rawValue)类 达标客户数", unknown ? .blank : .integer(c.compliant))
            }
            let senior = report.isHalfYearEnd ? "半年度高层拜访" : "半年度高层拜访(进度)"
            for status in report.isHalfYearEnd ? [HalfYearSeniorVisit.met, .missed] : [.done, .pending] {
                try overview.line("\(senior) \(status.rawValue)客户数", unknown ? .blank : .integer(report.count(of: status)))
            }
            try overview.line("拜访人数", .integer(report.visitors.count))
            try overview.line("未知客户拜访次数", .integer(report.unknownCustomerVisits.count))
            if !report.warnings.isEmpty {
                try overview.section("输入提示")
                for w in report.warnings { try overview.line("注意", .text(w)) }
            }
            try overview.chart(.pie, title: "拜访目的分布", header: ("拜访目的", "拜访次数"),
                               points: report.purposeMix.counts.filter { $0.visits > 0 }.map { ($0.purpose, .integer($0.visits)) })

            let names = Dictionary(report.rows.map { ($0.customerID, $0.customerName) }, uniquingKeysWith: { a, _ in a })
            try writer.table(named: "拜访达标", columns: compliance(unknown: unknown), rows: report.rows)
            try writer.table(named: "拜访记录", columns: visit(names: names), rows: report.visits)
            try writer.table(named: "拜访人统计", columns: visitor, rows: report.visitors)
            try writer.table(named: "拜访目的分布", columns: purpose(total: report.purposeMix.counts.reduce(0) { $0 + $1.visits }),
                             rows: report.purposeMix.counts)
            try writer.table(named: "未知客户拜访", columns: unknownCustomer, rows: report.unknownCustomerVisits)
        }
    }

    /// - Parameter unknown: Q's visits are missing: what was done is unknown, not zero, so the
    ///   visit figures are blank and the status 未报送 (SPEC §8 "Incomplete data").
    static func compliance(unknown: Bool) -> [TableColumn<VisitReportRow>] {
        func visits(_ role: VisitorRole) -> @Sendable (VisitReportRow) -> Cell {
            { unknown ? .blank : .integer($0.visitsByRole[role] ?? 0) }
        }
        return [
            TableColumn("客户编码") { .id($0.customerID) },
            TableColumn("客户名称") { .text($0.customerName) },
            TableColumn("等级") { Cell.optionalText($0.grade?.rawValue) },
            TableColumn("核定资信等级") { Cell.optionalInteger($0.approvedCreditGrade?.rawValue) },
            TableColumn("应拜访次数") { .integer($0.required) },
            TableColumn("实际拜访次数") { unknown ? .blank : .integer($0.actual) },
            TableColumn("是否达标", highlights: [.equalTo(VisitCompliance.notCompliant.rawValue, ReportStyles.red),
                                             .equalTo(SubmissionStatus.missing.label, ReportStyles.red)]) {
                .text(unknown ? SubmissionStatus.missing.label : $0.compliance.rawValue)
            },
            TableColumn("销售代表拜访", visits(.representative)),
            TableColumn("销售主管拜访", visits(.manager)),
            TableColumn("公司领导拜访", visits(.leader)),
            TableColumn("半年度高层拜访") { unknown ? .blank : Cell.optionalText($0.seniorVisit?.rawValue) },
        ]
    }

    /// - Parameter names: customer names by id, from the compliance rows.
    static func visit(names: [String: String]) -> [TableColumn<VisitRecord>] {
        [TableColumn("日期") { .date($0.date) },
         TableColumn("客户编码") { .id($0.customerID) },
         TableColumn("客户名称") { .text(names[$0.customerID] ?? "") },
         TableColumn("拜访人") { .text($0.visitor) },
         TableColumn("职务") { .text($0.role.rawValue) },
         TableColumn("拜访目的") { .text($0.purpose) },
         TableColumn("备注") { .text($0.notes) }]
    }

    static let visitor: [TableColumn<VisitorSummary>] = [
        TableColumn("拜访人") { .text($0.visitor) },
        TableColumn("职务") { .text($0.roles.map(\.rawValue).joined(separator: "、")) },
        TableColumn("拜访次数") { .integer($0.visits) },
        TableColumn("覆盖客户数") { .integer($0.customersCovered) },
    ]

    /// - Parameter total: all of Q's visits, the share's divisor.
    static func purpose(total: Int) -> [TableColumn<(purpose: String, visits: Int)>] {
        [TableColumn("拜访目的") { .text($0.purpose) },
         TableColumn("拜访次数") { .integer($0.visits) },
         TableColumn("占比") { .ratio(total > 0 ? Double($0.visits) / Double(total) : nil) }]
    }

    static let unknownCustomer: [TableColumn<VisitRecord>] = [
        TableColumn("日期") { .date($0.date) },
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("拜访人") { .text($0.visitor) },
        TableColumn("职务") { .text($0.role.rawValue) },
        TableColumn("拜访目的") { .text($0.purpose) },
        TableColumn("备注") { .text($0.notes) },
    ]
}
