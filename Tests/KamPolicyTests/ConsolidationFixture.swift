@testable import KamPolicy

/// A small chemical line for 2026Q3 with every figure computed by hand (amounts in fen).
///
/// HG01: X1 May26 400, Aug26 600, Aug25 300 · X2 Sep26 600, Jul25 200 · X3 Apr26 100, Jul26 100,
///       Sep25 80 · X4 Jan25 500.
///   Q3 sales 600/600/100/0 = 1300; Q2 400/0/100/0 = 500; Q3 2025 300/200/80/0 = 580.
///   ttm now (Oct25–Sep26) X1 1000, X2 600, X3 200 (T 1800): A (0), A (.556), B (.889).
///   ttm before (Jul25–Jun26) X1 700, X2 200, X3 180 (T 1080): A, A (.648), B (.833); X4 none both.
///   Key accounts at min profit share .45 (cost 0, so profit = sales): X1 (.556) only.
/// HG02: Y1 Jun26 300, Sep26 600, Sep25 500 · Y2 Aug26 200, Dec25 100, Aug25 100 · Y3 Feb26 50 ·
///       Y4 Aug25 400 · Y5 Sep26 100 · X1 Jul26 600, Jul25 1000 (another customer than HG01's X1).
///   Q3 sales Y1 600, Y2 200, X1 600, Y5 100 = 1500; Q2 Y1 300; Q3 2025 Y1 500, Y2 100, X1 1000, Y4 400 = 2000.
///   ttm now Y1 900, X1 600, Y2 300, Y5 100, Y3 50 (T 1950): A, A (.46), B (.77), C (.92), C (.97).
///   ttm before X1 1000, Y1 800, Y4 400, Y2 200, Y3 50 (T 2450): A, A (.41), B (.73), B (.90), C (.98).
///   Key accounts: Y1 (900/1950 = .46) only.
/// HG03: no data at all (its sales input is missing).
enum ConsolidationFixture {
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }

    static func history(_ sales: [String: [(YearMonth, Fen)]]) -> SalesHistory {
        var h = SalesHistory()
        for (id, months) in sales {
            var byMonth: [YearMonth: CustomerMonthFigures] = [:]
            for (m, amount) in months {
                byMonth[m] = CustomerMonthFigures(sales: amount, cost: 0, nonZeroLines: amount != 0 ? 1 : 0, lines: 1,
                                                  latestName: "名\(id)", latestNameRecency: LineRecency(date: 0, sequence: 1))
                h.costKnownByMonth[m] = true
            }
            h.customers[id] = byMonth
        }
        return h
    }

    static let hg01 = Subsidiary(code: "HG01", name: "华东化工", lineCode: "chem")
    static let hg02 = Subsidiary(code: "HG02", name: "华南化工", lineCode: "chem")
    static let hg03 = Subsidiary(code: "HG03", name: "华北化工", lineCode: "chem")
    static let chem = BusinessLine(code: "chem", name: "化工", cadence: .quarterly)
    static let q3: Period = .quarter(year: 2026, quarter: 3)

    static let hg01History = history([
        "X1": [(ym(2026, 5), 400), (ym(2026, 8), 600), (ym(2025, 8), 300)],
        "X2": [(ym(2026, 9), 600), (ym(2025, 7), 200)],
        "X3": [(ym(2026, 4), 100), (ym(2026, 7), 100), (ym(2025, 9), 80)],
        "X4": [(ym(2025, 1), 500)],
    ])
    static let hg02History = history([
        "Y1": [(ym(2026, 6), 300), (ym(2026, 9), 600), (ym(2025, 9), 500)],
        "Y2": [(ym(2026, 8), 200), (ym(2025, 12), 100), (ym(2025, 8), 100)],
        "Y3": [(ym(2026, 2), 50)],
        "Y4": [(ym(2025, 8), 400)],
        "Y5": [(ym(2026, 9), 100)],
        "X1": [(ym(2026, 7), 600), (ym(2025, 7), 1000)],
    ])

    static var settings: PolicySettings {
        var s = PolicySettings()
        s.keyAccount.minProfitShare = 0.45
        s.growth = GrowthSettings(minBase: 50, topN: 20)
        return s
    }

    static func settings(topN: Int) -> PolicySettings {
        var s = settings
        s.summaryTopN = topN
        return s
    }

    static let received = LocalDateTime(date: LocalDate(year: 2026, month: 10, day: 3)!, time: TimeOfDay(hour: 10, minute: 0)!)

    static func inputs(period: Period = q3) throws -> [LineSubsidiaryInput] {
        [
            LineSubsidiaryInput(subsidiary: hg01, report: try SalesReport(period: period, history: hg01History, settings: settings),
                                submission: .onTime(received: received), salesReportRevision: 1, creditWarnings: [
                                    warning("HG01", "X2", .warning), warning("HG01", "X1", .overLimit),
                                ]),
            LineSubsidiaryInput(subsidiary: hg02, report: try SalesReport(period: period, history: hg02History, settings: settings),
                                submission: .late(received: received), salesReportRevision: 2, creditWarnings: [
                                    warning("HG02", "Y1", .overLimit),
                                ]),
            LineSubsidiaryInput(subsidiary: hg03, report: try SalesReport(period: period, history: SalesHistory(), settings: settings),
                                submission: .missing),
        ]
    }

    static func warning(_ s: String, _ c: String, _ level: CreditWarningLevel) -> SubsidiaryCreditWarning {
        SubsidiaryCreditWarning(subsidiaryCode: s, customerID: c, customerName: "名\(c)", receivable: 1000, effectiveLimit: 1000,
                                isLimitApproved: level == .overLimit, utilisation: 1.0, level: level)
    }

    static func summary(topN: Int = 100, period: Period = q3) throws -> LineSummary {
        try LineSummary(line: chem, period: period, subsidiaries: inputs(period: period), settings: settings(topN: topN))
    }
}
