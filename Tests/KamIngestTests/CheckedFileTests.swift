import Testing
@testable import KamIngest
@testable import KamPolicy

@Suite struct CheckedFileTests {
    @Test func quarterKindsRejectAMonthPeriod() {
        for kind in ["receivables", "customers", "visits", "approvals"] {
            let f = CheckedFile.read(Array("customer_id\n".utf8), fileName: "\(kind)_2026-09.csv", settings: ReadSettings())
            #expect(!f.isAccepted(maxBadRows: 0))
            #expect(f.records == nil)
            #expect(f.check.diagnostics.first?.reason.contains("必须是季度") == true)
        }
        #expect(CheckedFile.read(Array("date,customer_id,customer_name,amount\n".utf8), fileName: "sales_2026-09.csv",
                                 settings: ReadSettings()).isAccepted(maxBadRows: 0))
    }

    @Test func dispatchesByKindFromTheName() {
        let f = CheckedFile.read(Array("customer_id,approved_limit\nC1,5\n".utf8), fileName: "APPROVALS_2026Q4_批复.CSV",
                                 settings: ReadSettings())
        #expect(f.isAccepted(maxBadRows: 0))
        #expect(f.records?.kind == .approvals)
        #expect(f.name?.period == .quarter(year: 2026, quarter: 4))
    }

    @Test func badNamesAreRejectedWithAReason() {
        for name in ["sales.csv", "orders_2026Q3.csv", "sales_2026Q5.csv", "sales_2026.csv"] {
            let f = CheckedFile.read([], fileName: name, settings: ReadSettings())
            #expect(f.check.fileRejected)
            #expect(f.check.diagnostics.first?.value == name)
        }
    }
}
