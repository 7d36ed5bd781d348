import KamPolicy
import XLSXWriter

/// 大客户年度评价: every key account at year end with its growth, credit, visits and the
/// recommendation for next year (SPEC §4.5).
public enum KeyAccountReviewWorkbook {
    public static var reviewColumns: [String] { review.headers() }
    public static let sheetNames = ["概览", "大客户评价", "数据来源"]

    @discardableResult
    public static func write(_ review: KeyAccountReview, context: ReportContext, to path: String) throws -> String {
        return try WorkbookShell.write(to: path, context: context, subject: "大客户销售增长、资信、拜访与评价建议") { overview, writer in
            try overview.title("\(context.ownerTitle) \(review.year) 大客户年度评价")
            try overview.section("关键数据")
            try overview.line("大客户数", .integer(review.rows.count))
            try overview.line("本年销售额", .money(review.totalSales))
            try overview.line("上年销售额", .money(review.totalPreviousYearSales))
            try overview.line("增长率", .ratio(GrowthRate.of(review.totalSales, over: review.totalPreviousYearSales)))
            for recommendation in [ReviewRecommendation.strengthen, .maintain, .end] {
                try overview.line("建议\(recommendation.rawValue)大客户数", .integer(review.count(of: recommendation)))
            }
            if review.unassessed > 0 {
                try overview.line("因数据缺失未评价", .integer(review.unassessed))
            }
            try overview.chart(.column, title: "评价建议分布", header: ("建议", "大客户数"),
                               points: [ReviewRecommendation.strengthen, .maintain, .end].map { ($0.rawValue, .integer(review.count(of: $0))) },
                               axes: ("建议", "大客户数"), valueFormat: "0")

            try writer.table(named: "大客户评价", columns: Self.review, rows: review.rows)
        }
    }

    static let review: [TableColumn<KeyAccountReviewRow>] = [
        TableColumn("分公司") { .text($0.subsidiaryCode) },
        TableColumn("分公司名称") { .text($0.subsidiaryName) },
        TableColumn("业务线") { .text($0.lineName) },
        TableColumn("客户编码") { .id($0.customerID) },
        TableColumn("客户名称") { .text($0.customerName) },
        TableColumn("大客户级别") { Cell.optionalText($0.keyAccountLevel) },
        TableColumn("本年销售额") { .money($0.sales) },
        TableColumn("上年销售额") { .money($0.previousYearSales) },
        TableColumn("增长率") { .ratio($0.growth) },
        TableColumn("本年毛利") { Cell.optionalMoney($0.profit) },
        TableColumn("核定等级") { Cell.optionalInteger($0.creditGrade) },
        TableColumn("拜访达标季度数") { Cell.optionalInteger($0.visitCompliance?.quartersCompliant) },
        TableColumn("应拜访季度数") { Cell.optionalInteger($0.visitCompliance?.quartersRequired) },
        TableColumn("拜访达标率") { .ratio($0.visitCompliance?.share) },
        TableColumn("评价建议", highlights: [.equalTo(ReviewRecommendation.end.rawValue, ReportStyles.red),
                                         .equalTo(ReviewRecommendation.strengthen.rawValue, ReportStyles.green)]) {
            Cell.optionalText($0.recommendation?.rawValue)
        },
        TableColumn("备注") { Cell.optionalText($0.remark) },
    ]
}
