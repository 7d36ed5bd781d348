import KamPolicy
import XLSXWriter

/// 客户档案维护情况: what changed in the customer master since last quarter, how complete the
/// files are, who sells without a file and which credit codes fail GB 32100-2015 (SPEC §4.4).
public enum FileMaintenanceWorkbook {
    public static var recordColumns: [String] { record.headers() }
    public static var changeColumns: [String] { change(names: [:]).headers() }
    public static var completenessColumns: [String] { completeness(required: []).headers() }
    public static var withoutFileColumns: [String] { withoutFile.headers() }
    public static var invalidCodeColumns: [String] { invalidCode.headers() }

    @discardableResult
    public static func write(_ report: FileMaintenanceReport, context: ReportContext, to path: String) throws -> String {
        return try WorkbookShell.write(to: path, context: context, subject: "客户档案新增、删除、变更与完整度") { overview, writer in
            try overview.title("\(context.ownerTitle) \(context.period) 客户档案维护情况")
            if report.isCurrentMissing {
                try overview.section("输入缺失")
                try overview.line("客户档案文件", .text("缺失: 未收到 \(report.quarter) 的客户档案(customers)文件"))
            }
            try overview.section("关键数据")
            try overview.line("档案数", .integer(report.records.count))
            try overview.line("新增档案", .integer(report.added.count))
            try overview.line("删除档案", .integer(report.removed.count))
            try overview.line("变更客户数", .integer(report.changedCustomers))
            try overview.line("变更项数", .integer(report.changes.count))
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

            let names = Dictionary(report.records.map { ($0.customerID, $0.customerName) }, uniquingKeysWith: { a, _ in a })
            try writer.table(named: "新增档案", columns: record, rows: report.added)
            try writer.table(named: "删除档案", columns: record, rows: report.removed)
            try writer.table(named: "档案变更", columns: change(names: names), rows: report.changes)
            try writer.table(named: "档案完整度", columns: completeness(required: report.requiredFields), rows: report.records)
            try writer.table(named: "无档案客户", columns: withoutFile, rows: report.withoutFile)
            try writer.table(named: "信用代码校验错误", columns: invalidCode, rows: report.invalidCreditCodes)
        }
    }

    static let record: [TableColumn<CustomerFileRecord>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("统一社会信用代码") { .id($0.creditCode) },
        TableColumn("行业") { .text($0.value("industry")) },
        TableColumn("区域") { .text($0.value("region")) },
        TableColumn("客户经理") { .text($0.value("account_manager")) },
    ]

    /// - Parameter names: customer names by id, from the current files.
    static func change(names: [String: String]) -> [TableColumn<CustomerFileChange>] {
        [TableColumn("客户编码") { .id($0.customerID) },
         TableColumn("客户名称") { .text(names[$0.customerID] ?? "") },
         TableColumn("字段") { .text(CustomerFileChange.chineseName(of: $0.field)) },
         TableColumn("原值") { .text($0.old) },
         TableColumn("新值") { .text($0.new) }]
    }

    static func completeness(required: [String]) -> [TableColumn<CustomerFileRecord>] {
        [TableColumn("客户编码") { .id($0.customerID) },
         TableColumn("客户名称") { .text($0.customerName) },
         TableColumn("完整度") { .ratio(FileCompleteness.of($0, required: required)) },
         TableColumn("已填字段数") { .integer(FileCompleteness.filled($0, required: required)) },
         TableColumn("应填字段数") { _ in .integer(required.count) },
         TableColumn("缺失字段") {
             .text(FileCompleteness.missingFields($0, required: required).map(CustomerFileChange.chineseName(of:)).joined(separator: "、"))
         }]
    }

    static let withoutFile: [TableColumn<CustomerWithoutFile>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("本期销售额") { .money($0.sales) },
    ]

    static let invalidCode: [TableColumn<CustomerFileRecord>] = [
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("统一社会信用代码") { .id($0.creditCode) },
    ]
}
