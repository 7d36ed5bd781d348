import KamPolicy
import XLSXWriter

/// 客户档案维护情况: what changed in the customer master since last quarter, how complete the
/// files are, who sells without a file and which credit codes fail GB 32100-2015 (SPEC §4.4).
public enum FileMaintenanceWorkbook {
    public static let recordColumns = ["客户编码", "客户名称", "统一社会信用代码", "行业", "区域", "客户经理"]
    public static let changeColumns = ["客户编码", "客户名称", "字段", "原值", "新值"]
    public static let completenessColumns = ["客户编码", "客户名称", "完整度", "已填字段数", "应填字段数", "缺失字段"]
    public static let withoutFileColumns = ["客户编码", "客户名称", "本期销售额"]
    public static let invalidCodeColumns = ["客户编码", "客户名称", "统一社会信用代码"]

    public static func write(_ report: FileMaintenanceReport, context: ReportContext, to path: String) throws {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(
            title: "\(context.ownerTitle) \(context.period) \(context.job.workbookName)",
            subject: "客户档案新增、删除、变更与完整度", company: context.company, author: "kam", created: context.createdUnix))
        let writer = SheetWriter(workbook: workbook, context: context)

        let overview = try OverviewSheet(writer: writer)
        try overview.title("\(context.ownerTitle) \(context.period) 客户档案维护情况")
        if report.isCurrentMissing {
            try overview.section("输入缺失")
            try overview.line("客户档案文件", .text("缺失: 未收到 \(report.quarter) 的客户档案(customers)文件"))
        }
        try overview.section("关键数据")
        try overview.line("档案数", .integer(report.records.count))
        try overview.line("新增档案", .integer(report.added.count))
        try overview.line("删除档案", .integer(report.removed.count))
        try overview.line("变更客户数 / 变更项数", .integer(report.changedCustomers), .integer(report.changes.count))
        try overview.line("档案完整度", .ratio(report.overallCompleteness))
        try overview.line("完整档案数", .integer(report.completeRecords))
        try overview.line("无档案客户数", .integer(report.withoutFile.count))
        try overview.line("信用代码缺失", .integer(report.missingCreditCodes))
        try overview.line("信用代码校验错误", .integer(report.invalidCreditCodes.count))
        try overview.line("应填字段", .text(report.requiredFields.map(CustomerFileChange.chineseName(of:)).joined(separator: "、")))
        if !report.warnings.isEmpty {
            try overview.section("输入提示")
            for w in report.warnings { try overview.line("注意", .text(w)) }
        }
        try overview.context(context)

        let recordRow: (CustomerFileRecord) -> [Cell] = { r in
            [.id(r.customerID), .text(r.customerName), .id(r.creditCode), .text(r.value("industry")), .text(r.value("region")),
             .text(r.value("account_manager"))]
        }
        let names = Dictionary(report.records.map { ($0.customerID, $0.customerName) }, uniquingKeysWith: { a, _ in a })
        try writer.table(named: "新增档案", headers: recordColumns, rows: report.added.map(recordRow))
        try writer.table(named: "删除档案", headers: recordColumns, rows: report.removed.map(recordRow))
        try writer.table(named: "档案变更", headers: changeColumns, rows: report.changes.map { c in
            [.id(c.customerID), .text(names[c.customerID] ?? ""), .text(CustomerFileChange.chineseName(of: c.field)), .text(c.old), .text(c.new)]
        })
        let required = report.requiredFields
        try writer.table(named: "档案完整度", headers: completenessColumns, rows: report.records.map { r in
            [.id(r.customerID), .text(r.customerName), .ratio(FileCompleteness.of(r, required: required)),
             .integer(FileCompleteness.filled(r, required: required)), .integer(required.count),
             .text(FileCompleteness.missingFields(r, required: required).map(CustomerFileChange.chineseName(of:)).joined(separator: "、"))]
        })
        try writer.table(named: "无档案客户", headers: withoutFileColumns, rows: report.withoutFile.map { w in
            [.id(w.customerID), .text(w.customerName), .money(w.sales)]
        })
        try writer.table(named: "信用代码校验错误", headers: invalidCodeColumns, rows: report.invalidCreditCodes.map { r in
            [.id(r.customerID), .text(r.customerName), .id(r.creditCode)]
        })
        try workbook.close()
    }
}
