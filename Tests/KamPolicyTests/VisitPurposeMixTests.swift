import Testing
@testable import KamPolicy

/// 拜访目的分布 (SPEC §8 "Visits and submissions"): the five in policy order, other written
/// purposes under their own names by count then name, then 未填写; the counts add up.
@Suite struct VisitPurposeMixTests {
    static func visits(_ purposes: [String]) -> [VisitRecord] {
        purposes.enumerated().map { i, p in
            VisitRecord(date: LocalDate(year: 2026, month: 8, day: 1 + i % 28) ?? LocalDate(daysSinceEpoch: 0),
                        customerID: "C\(i)", visitor: "张伟", role: .representative, purpose: p)
        }
    }

    static let five = ["产品销售", "市场维护", "客情建设", "信息收集", "客户指导"]

    static let cases: [(String, [String], [String], [Int])] = [
        ("no visits: the five and 未填写, all zero", [], five + ["未填写"], [0, 0, 0, 0, 0, 0]),
        ("only the five, in policy order whatever the file order", ["客户指导", "产品销售", "客户指导"],
         five + ["未填写"], [1, 0, 0, 0, 2, 0]),
        ("others by count descending", ["展会邀约", "催收", "催收"], five + ["催收", "展会邀约", "未填写"], [0, 0, 0, 0, 0, 2, 1, 0]),
        ("ties by name in code-point order", ["随访", "催收"], five + ["催收", "随访", "未填写"], [0, 0, 0, 0, 0, 1, 1, 0]),
        ("blank and spaces-only are 未填写", ["", "  ", "\u{3000}"], five + ["未填写"], [0, 0, 0, 0, 0, 3]),
        ("a written 未填写 counts with the blanks", ["未填写", ""], five + ["未填写"], [0, 0, 0, 0, 0, 2]),
        ("a written purpose with surrounding spaces is the same purpose", [" 催收", "催收 "], five + ["催收", "未填写"],
         [0, 0, 0, 0, 0, 2, 0]),
        ("a written 其他 is just another purpose", ["其他", "产品销售"], five + ["其他", "未填写"], [1, 0, 0, 0, 0, 1, 0]),
    ]

    @Test(arguments: cases)
    func mix(_ what: String, _ purposes: [String], _ labels: [String], _ counts: [Int]) {
        let mix = VisitPurposeMix(visits: Self.visits(purposes))
        #expect(mix.counts.map(\.purpose) == labels, "\(what)")
        #expect(mix.counts.map(\.visits) == counts, "\(what)")
        #expect(mix.counts.reduce(0) { $0 + $1.visits } == purposes.count, "\(what): counts add up to all visits")
    }
}
