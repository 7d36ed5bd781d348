import KamPolicy
import XLSXWriter

/// 大客户年度评价: every key account at year end with its growth, credit, visits and the
/// recommendation for next year (SPEC §4.5).
public enum KeyAccountReviewWorkbook {
    public static let reviewColumns = ["分公司", "分公司名称", "业务线", "客户编码", "客户名称", "大客户级别", "本年销售额", "上年销售额",
                                       "增长率", "本年毛利", "核定等级", "拜访达标季度数", "应拜访季度数", "拜访达标率", "评价建议",
                                       "备注"]
    public static let sheetNames = ["概览", "大客户评价"]

    public static func write(_ review: KeyAccountReview, context: ReportContext, to path: String) throws {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(
            title: "\(context.ownerTitle) \(context.period) \(context.job.workbookName)",
            subject: "大客户销售增长、资信、拜访与评价建议", company: context.company, author: "kam", created: context.createdUnix))
        let writer = SheetWriter(workbook: workbook, context: context)

        let overview = try OverviewSheet(writer: writer)
        try overview.title("\(context.ownerTitle) \(review.year) 大客户年度评价")
        try overview.section("关键数据")
        try overview.line("大客户数", .integer(review.rows.count))
        try overview.line("本年销售额", .money(review.totalSales))
        try overview.line("上年销售额", .money(review.totalPreviousYearSales))
        try overview.line("增长率", .ratio(GrowthRate.of(review.totalSales, over: review.totalPreviousYearSales)))
        try overview.line("加强 / 维持 / 终止", .integer(review.count(of: .strengthen)), .integer(review.count(of: .maintain)),
                          .integer(review.count(of: .end)))
        if review.unassessed > 0 {
            try overview.line("因数据缺失未评价", .integer(review.unassessed))
        }
        try overview.chart(.column, title: "评价建议分布", header: ("建议", "大客户数"),
                           points: [ReviewRecommendation.strengthen, .maintain, .end].map { ($0.rawValue, .integer(review.count(of: $0))) },
                           axes: ("建议", "大客户数"), valueFormat: "0")
        try overview.context(context)

        let sheet = try writer.table(named: "大客户评价", headers: reviewColumns, rows: review.rows.map { r in
            [.text(r.subsidiaryCode), .text(r.subsidiaryName), .text(r.lineName), .id(r.customerID), .text(r.customerName),
             Cell.optionalText(r.keyAccountLevel), .money(r.sales), .money(r.previousYearSales), .ratio(r.growth),
             Cell.optionalMoney(r.profit), Cell.optionalInteger(r.creditGrade),
             Cell.optionalInteger(r.visitCompliance?.quartersCompliant), Cell.optionalInteger(r.visitCompliance?.quartersRequired),
             .ratio(r.visitCompliance?.share), Cell.optionalText(r.recommendation?.rawValue), Cell.optionalText(r.remark)]
        })
        if !review.rows.isEmpty {
            try sheet.highlight(cellsEqualTo: ReviewRecommendation.end.rawValue, firstRow: 1, firstColumn: 14,
                                lastRow: review.rows.count, lastColumn: 14, style: ReportStyles.red)
            try sheet.highlight(cellsEqualTo: ReviewRecommendation.strengthen.rawValue, firstRow: 1, firstColumn: 14,
                                lastRow: review.rows.count, lastColumn: 14, style: ReportStyles.green)
        }
        try workbook.close()
    }
}
