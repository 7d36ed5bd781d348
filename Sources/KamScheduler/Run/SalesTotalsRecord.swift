import Foundation
import KamPolicy

/// A subsidiary sales report's 概览 totals as the ledger keeps them (JSON in
/// `delivery.figures`): what the line summary's reconciliation compares against.
struct SalesTotalsRecord: Codable {
    var sales: Int64
    var previousSales: Int64
    var lastYearSales: Int64
    var customers: Int
    var activeCustomers: Int
    var gradeA: Int
    var gradeB: Int
    var gradeC: Int
    var keyAccounts: Int

    init(_ t: SubsidiaryReportTotals) {
        sales = t.sales
        previousSales = t.previousSales
        lastYearSales = t.lastYearSales
        customers = t.customers
        activeCustomers = t.activeCustomers
        gradeA = t.gradeA
        gradeB = t.gradeB
        gradeC = t.gradeC
        keyAccounts = t.keyAccounts
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func decode(_ json: String) -> SalesTotalsRecord? {
        guard !json.isEmpty else { return nil }
        return try? JSONDecoder().decode(SalesTotalsRecord.self, from: Data(json.utf8))
    }

    func totals(subsidiary: String, revision: Int) -> SubsidiaryReportTotals {
        SubsidiaryReportTotals(subsidiaryCode: subsidiary, revision: revision, sales: sales, previousSales: previousSales,
                               lastYearSales: lastYearSales, customers: customers, activeCustomers: activeCustomers,
                               gradeA: gradeA, gradeB: gradeB, gradeC: gradeC, keyAccounts: keyAccounts)
    }
}
