@testable import KamPolicy

/// The sales history as it used to be stored — customer_id → month → figures — with the queries
/// as they used to be written: the reference `SalesHistoryIndexTests` compares the dense storage
/// and the store's builder against.
struct DictionarySalesHistory {
    var customers: [String: [YearMonth: CustomerMonthFigures]]

    func sales(of customer: String, in months: [YearMonth]) -> Fen {
        guard let byMonth = customers[customer] else { return 0 }
        return months.reduce(0) { $0 + (byMonth[$1]?.sales ?? 0) }
    }

    func cost(of customer: String, in months: [YearMonth]) -> Fen {
        guard let byMonth = customers[customer] else { return 0 }
        return months.reduce(0) { $0 + (byMonth[$1]?.cost ?? 0) }
    }

    func latestName(of customer: String, in months: [YearMonth]) -> String? {
        guard let byMonth = customers[customer] else { return nil }
        var best: CustomerMonthFigures?
        for m in months {
            guard let f = byMonth[m], f.lines > 0 else { continue }
            if best.map({ f.latestNameRecency >= $0.latestNameRecency }) ?? true { best = f }
        }
        return best?.latestName
    }

    func latestName(of customer: String, upTo last: YearMonth) -> String? {
        customers[customer].flatMap { byMonth in latestName(of: customer, in: byMonth.keys.filter { $0 <= last }.sorted()) }
    }

    func hasNonZeroLine(_ customer: String, in months: [YearMonth]) -> Bool {
        guard let byMonth = customers[customer] else { return false }
        return months.contains { (byMonth[$0]?.nonZeroLines ?? 0) > 0 }
    }

    func hasLine(_ customer: String, in months: [YearMonth]) -> Bool {
        customers[customer].map { byMonth in months.contains { (byMonth[$0]?.lines ?? 0) > 0 } } ?? false
    }
}
