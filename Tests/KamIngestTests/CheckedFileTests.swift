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

@Suite struct HeaderRuleTests {
    @Test func aColumnMappingAppliesToEveryKindAndHeadersAreTrimmed() {
        let settings = ReadSettings(columnAliases: ["customer_id": "客户代码", "receivable": "应收"])
        let r = CheckedFile.read(Array(" 客户代码 ,应收, Overdue ,本期回款\nC1,1,2,3\n".utf8), fileName: "receivables_2026Q3.csv", settings: settings)
        #expect(r.isAccepted(maxBadRows: 0))
        #expect(r.totals.map(\.fen) == [100, 200, 300])
        let v = CheckedFile.read(Array("日期,客户代码,拜访人,职务\n2026-07-01,C1,甲,销售代表\n".utf8), fileName: "visits_2026Q3.csv", settings: settings)
        #expect(v.isAccepted(maxBadRows: 0))
    }

    @Test func maxBadRowsAcceptsWithoutTheBadRowsAndAReceiptStillListsThem() {
        let text = "customer_id,approved_limit\nA1,5\nA2,x\nA3,7\n"
        let f = CheckedFile.read(Array(text.utf8), fileName: "approvals_2026Q3.csv", settings: ReadSettings(maxBadRows: 1))
        #expect(f.isAccepted(maxBadRows: 1))
        #expect(!f.isAccepted(maxBadRows: 0))
        #expect(f.totals.first?.fen == 1_200)
        guard case .approvals(let rows)? = f.records else { Issue.record("not approvals"); return }
        #expect(rows.map(\.customerID) == ["A1", "A3"])
        #expect(f.check.diagnostics.map(\.line) == [3])
    }
}
