import Testing
@testable import KamPolicy

/// 客户档案维护情况 (SPEC §4.4) and the GB 32100-2015 check character.
@Suite struct FileMaintenanceTests {
    @Test(arguments: [
        // Valid codes: the check character recomputed by hand from the standard's weights.
        ("91350100M000100Y43", true),
        ("91110000600037341L", true),
        ("91440300708461136T", true),
        ("91310000132149237G", true),
        ("91110108551385082Q", true),
        ("9111000010000134X0", true),        // Σ mod 31 = 0 → 31 → check 0
        ("91350100M000100Y44", false),       // wrong check character
        ("911100001000013428", false),       // should end in C
        ("91330000143076100X", false),       // should end in H
        ("91350100M000100Y4", false),        // 17 characters
        ("91350100M000100Y43X", false),      // 19 characters
        ("91350100I000100Y43", false),       // I is not in the set
        ("91110000600037341l", false),       // lower case is not the standard's form
        ("", false),
    ])
    func unifiedSocialCreditCode(code: String, valid: Bool) {
        #expect(UnifiedSocialCreditCode.isValid(code) == valid)
    }

    @Test func checkCharacterOfAPrefix() {
        #expect(UnifiedSocialCreditCode.checkCharacter(of: Array("91350100M000100Y4")) == "3")
        #expect(UnifiedSocialCreditCode.checkCharacter(of: Array("9135010OM000100Y4")) == nil)   // O not in the set
    }

    static let full: [String: String] = ["customer_name": "甲公司", "credit_code": "91350100M000100Y43", "industry": "化工",
                                         "region": "华东", "contact": "张三", "phone": "13800000000", "account_manager": "李四"]

    @Test func completeness() {
        let required = PolicySettings().requiredFileFields
        let f1 = CustomerFileRecord(customerID: "F1", fields: Self.full)
        var partial = Self.full
        partial["credit_code"] = ""
        partial["phone"] = "  "
        let f2 = CustomerFileRecord(customerID: "F2", fields: partial)
        #expect(FileCompleteness.of(f1, required: required) == 1.0)
        #expect(FileCompleteness.of(f2, required: required) == 5.0 / 7.0)
        #expect(FileCompleteness.missingFields(f2, required: required) == ["credit_code", "phone"])
        #expect(FileCompleteness.overall([f1, f2], required: required) == 12.0 / 14.0)
        #expect(FileCompleteness.overall([], required: required) == nil)
        #expect(FileCompleteness.of(f1, required: []) == nil)
    }

    @Test func maintenanceAgainstThePreviousSnapshot() throws {
        let q2 = Period.quarter(year: 2026, quarter: 2), q1 = Period.quarter(year: 2026, quarter: 1)
        var changed = Self.full
        changed["phone"] = "13900000000"
        var noCode = Self.full
        noCode["credit_code"] = ""
        let files: [Period: [CustomerFileRecord]] = [
            q1: [CustomerFileRecord(customerID: "F1", fields: Self.full), CustomerFileRecord(customerID: "F2", fields: noCode),
                 CustomerFileRecord(customerID: "F3", fields: Self.full)],
            q2: [CustomerFileRecord(customerID: "F1", fields: changed), CustomerFileRecord(customerID: "F2", fields: noCode),
                 CustomerFileRecord(customerID: "F4", fields: ["customer_name": "新客户", "credit_code": "91350100M000100Y44", "industry": "医药"])],
        ]
        let history = SalesHistory(customers: [
            "S1": [YearMonth(year: 2026, month: 5): CreditReportTests.sale(700, name: "无档案客户")],
            "F1": [YearMonth(year: 2026, month: 5): CreditReportTests.sale(100, name: "甲公司")],
        ])
        let r = try FileMaintenanceReport(quarter: q2, customerFiles: files, history: history, settings: PolicySettings())
        #expect(r.added.map(\.customerID) == ["F4"])
        #expect(r.removed.map(\.customerID) == ["F3"])
        #expect(r.changes == [CustomerFileChange(customerID: "F1", field: "phone", old: "13800000000", new: "13900000000")])
        #expect(r.invalidCreditCodes.map(\.customerID) == ["F4"])     // F2's blank code is missing, not invalid
        #expect(r.missingCreditCodes == 1)
        #expect(r.withoutFile.map(\.customerID) == ["S1"])
        #expect(r.withoutFile.first?.sales == 700)
        // F1 7/7, F2 6/7, F4 3/7 (name, code, industry) → 16/21.
        #expect(r.overallCompleteness == 16.0 / 21.0)
        #expect(r.completeRecords == 1)
        #expect(!r.isCurrentMissing && !r.isPreviousMissing)
    }

    @Test func missingCurrentSnapshotListsNothingAsRemoved() throws {
        let q2 = Period.quarter(year: 2026, quarter: 2)
        let r = try FileMaintenanceReport(quarter: q2, customerFiles: [q2.previous: [CustomerFileRecord(customerID: "F1", fields: Self.full)]],
                                      history: SalesHistory(), settings: PolicySettings())
        #expect(r.isCurrentMissing)
        #expect(r.removed.isEmpty && r.added.isEmpty && r.records.isEmpty)
        #expect(r.overallCompleteness == nil)
        #expect(!r.warnings.isEmpty)
    }
}
