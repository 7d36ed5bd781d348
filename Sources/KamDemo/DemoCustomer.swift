import Foundation
import SeededRandom

/// A synthetic customer: how big it is, how it grows, when it starts and stops buying.
struct DemoCustomer {
    let id: String
    let name: String
    /// Typical monthly sales in fen at the start of the data.
    let monthlyBase: Int64
    /// Yearly growth, e.g. 0.2 for +20%.
    let growth: Double
    /// Month offsets (0 = first data month) during which the customer buys.
    let firstMonth: Int
    let lastMonth: Int
    let paymentTerms: String
    let creditCode: String
    let industry: String
    let region: String

    static let cities = ["上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "天津", "重庆", "西安", "青岛", "宁波", "无锡"]
    static let words = ["恒达", "华信", "宏图", "金源", "瑞丰", "新世纪", "鑫泰", "永安", "中天", "东方", "博远", "德润", "广源", "海川", "嘉禾", "兴业"]
    /// Payment terms as a group's book has them: mostly 30 days, some cash and acceptance bills,
    /// fewer long terms (one pick either way, so the draws after it do not move).
    static let terms = ["现款", "现款", "月结30", "月结30", "月结30", "月结30", "月结60", "月结60", "承兑汇票", "承兑汇票", "月结90"]

    /// GB 32100-2015 check character for the first 17 characters of a credit code.
    static func creditCodeCheck(_ first17: [Character]) -> Character? {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var sum = 0
        for (i, ch) in first17.enumerated() {
            guard let v = alphabet.firstIndex(of: ch) else { return nil }
            sum += v * weights[i]
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    static func make(index i: Int, subsidiary: DemoSubsidiary, industryWord: String, months: Int,
                     random r: inout SplitMix64) -> DemoCustomer {
        let id: String
        switch subsidiary.style {
        case .excelGB18030: id = "00" + String(1000 + i)          // leading zeros that must survive
        case .plainUTF8: id = "C" + String(10000 + i)
        case .bomCRLF: id = "K" + String(2000 + i)
        case .customColumns: id = String(700000 + i)
        }
        let city = r.pick(cities), word = r.pick(words)
        var name = "\(city)\(word)\(industryWord)有限公司"
        if i % 17 == 5 { name = "\(city)\(word)\(industryWord)有限公司, \(r.pick(cities))分公司" }  // a comma that must be quoted
        // Pareto-like sizes: a few large customers carry most of the sales.
        let weight = min(pow(1 / max(r.unit(), 0.02), 0.9), 40)
        var base = Int64(15_000_00 * weight) + Int64(r.int(5_000_00))
        // HG01 is the group's largest company: its customers buy twice as much, so its one
        // 公司级 key account below is large without leaving every other customer B or C.
        if subsidiary.code == "HG01" { base *= 2 }
        if i == 0 && subsidiary.code == "HG01" { base = 9_000_000_00 }  // one 公司级 key account (ttm ≥ 100,000,000)
        let first = i % 9 == 4 ? months - 2 - r.int(8) : 0            // some customers are new
        let last = i % 11 == 7 ? months - 3 - r.int(6) : months - 1    // some stop buying
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var code: [Character] = ["9", "1"] + Array(String(310000 + r.int(9999)))
        while code.count < 17 { code.append(alphabet[r.int(alphabet.count)]) }
        if i % 10 == 1 {
            // The same legal customer buys from every subsidiary (跨公司客户, SPEC §4.6): its code
            // depends only on its index, so it is one code group-wide (each file keeps its own name).
            code = Array("9111000071" + String(1_000_000 + i))
        }
        var check = creditCodeCheck(code) ?? "0"
        if i % 13 == 3 { check = check == "0" ? "1" : "0" }  // a wrong check character
        return DemoCustomer(id: id, name: name, monthlyBase: base, growth: r.unit() * 0.7 - 0.3,
                            firstMonth: max(first, 0), lastMonth: max(last, first), paymentTerms: r.pick(terms),
                            creditCode: String(code) + String(check), industry: r.pick(["制造业", "批发零售", "医疗卫生", "建筑业"]),
                            region: r.pick(["华东", "华南", "华北", "西南", "华中"]))
    }

    /// Expected sales in fen for month offset `m` of the data, before noise.
    func expected(monthOffset m: Int, calendarMonth: Int) -> Int64 {
        guard m >= firstMonth && m <= lastMonth else { return 0 }
        let trend = 1 + growth * Double(m) / 12
        let season: Double = calendarMonth == 2 ? 0.6 : calendarMonth == 12 ? 1.25 : 1.0
        return Int64(Double(monthlyBase) * max(trend, 0.1) * season)
    }
}

