import KamPolicy
import XLSXWriter

/// 客户拜访记录及分析: visit compliance per customer, the half-year senior visits, visitors,
/// purposes and visits to unknown customers for quarter Q (SPEC §4.3).
public enum VisitReportWorkbook {
    public static let complianceColumns = ["客户编码", "客户名称", "等级", "核定资信等级", "应拜访次数", "实际拜访次数", "是否达标",
                                           "销售代表拜访", "销售主管拜访", "公司领导拜访", "半年度高层拜访"]
    public static let visitColumns = ["日期", "客户编码", "客户名称", "拜访人", "职务", "拜访目的", "备注"]
    public static let visitorColumns = ["拜访人", "职务", "拜访次数", "覆盖客户数"]
    public static let purposeColumns = ["拜访目的", "拜访次数", "占比"]
    public static let unknownColumns = ["日期", "客户编码", "拜访人", "职务", "拜访目的", "备注"]

    public static func write(_ report: VisitReport, context: ReportContext, to path: String) throws {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(
            title: "\(context.ownerTitle) \(context.period) \(context.job.workbookName)",
            subject: "客户拜访达标与分析", company: context.company, author: "kam", created: context.createdUnix))
        let writer = SheetWriter(workbook: workbook, context: context)

        let overview = try OverviewSheet(writer: writer)
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
        try overview.line("考核客户数 / 达标", .integer(report.rows.count), unknown ? .blank : .integer(report.compliantCount))
        for grade in [CustomerGrade.a, .b, .c] {
            let c = report.compliance(of: grade)
            try overview.line("\(grade.rawValue)类客户 应拜访客户 / 达标", .integer(c.customers), unknown ? .blank : .integer(c.compliant))
        }
        let senior = report.isHalfYearEnd ? "半年度高层拜访 达标 / 未达标" : "半年度高层拜访(进度) 已完成 / 待完成"
        try overview.line(senior, unknown ? .blank : .integer(report.count(of: report.isHalfYearEnd ? .met : .done)),
                          unknown ? .blank : .integer(report.count(of: report.isHalfYearEnd ? .missed : .pending)))
        try overview.line("拜访人数", .integer(report.visitors.count))
        try overview.line("未知客户拜访次数", .integer(report.unknownCustomerVisits.count))
        if !report.warnings.isEmpty {
            try overview.section("输入提示")
            for w in report.warnings { try overview.line("注意", .text(w)) }
        }
        try overview.chart(.pie, title: "拜访目的分布", header: ("拜访目的", "拜访次数"),
                           points: report.purposeMix.counts.filter { $0.visits > 0 }.map { ($0.purpose, .integer($0.visits)) })
        try overview.context(context)

        let names = Dictionary(report.rows.map { ($0.customerID, $0.customerName) }, uniquingKeysWith: { a, _ in a })
        try writer.table(named: "拜访达标", headers: complianceColumns, rows: report.rows.map { r in
            [.id(r.customerID), .text(r.customerName), Cell.optionalText(r.grade?.rawValue),
             Cell.optionalInteger(r.approvedCreditGrade?.rawValue), .integer(r.required), unknown ? .blank : .integer(r.actual),
             .text(unknown ? SubmissionStatus.missing.label : r.compliance.rawValue),
             unknown ? .blank : .integer(r.visitsByRole[.representative] ?? 0), unknown ? .blank : .integer(r.visitsByRole[.manager] ?? 0),
             unknown ? .blank : .integer(r.visitsByRole[.leader] ?? 0), unknown ? .blank : Cell.optionalText(r.seniorVisit?.rawValue)]
        }, statusColumn: 6, colours: [(VisitCompliance.notCompliant.rawValue, ReportStyles.red),
                                      (SubmissionStatus.missing.label, ReportStyles.red)])
        try writer.table(named: "拜访记录", headers: visitColumns, rows: report.visits.map { v in
            [.date(v.date), .id(v.customerID), .text(names[v.customerID] ?? ""), .text(v.visitor),
             .text(v.role.rawValue), .text(v.purpose), .text(v.notes)]
        })
        try writer.table(named: "拜访人统计", headers: visitorColumns, rows: report.visitors.map { v in
            [.text(v.visitor), .text(v.roles.map(\.rawValue).joined(separator: "、")), .integer(v.visits), .integer(v.customersCovered)]
        })
        let total = report.purposeMix.counts.reduce(0) { $0 + $1.visits }
        try writer.table(named: "拜访目的分布", headers: purposeColumns, rows: report.purposeMix.counts.map { p in
            [.text(p.purpose), .integer(p.visits), .ratio(total > 0 ? Double(p.visits) / Double(total) : nil)]
        })
        try writer.table(named: "未知客户拜访", headers: unknownColumns, rows: report.unknownCustomerVisits.map { v in
            [.date(v.date), .id(v.customerID), .text(v.visitor), .text(v.role.rawValue), .text(v.purpose), .text(v.notes)]
        })
        try workbook.close()
    }
}
