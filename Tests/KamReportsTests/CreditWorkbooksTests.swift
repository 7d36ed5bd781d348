import Foundation
import KamPolicy
import KamReports
import Testing

/// Writes 客户资信报表 (2026Q2 and, with its receivables missing, 2026Q3), 资信额度申请表 (2026Q3),
/// 客户拜访记录及分析 and 客户档案维护情况 (2026Q2) from hand-built inputs, then reads them back with
/// openpyxl (`check_credit_workbooks.py`), which checks sheet names, exact headers and figures
/// computed by hand there. Amounts here are fen.
@Suite struct CreditWorkbooksTests {
    static let checker = PythonChecker.script("check_credit_workbooks.py")

    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }
    static func q(_ y: Int, _ n: Int) -> Period { .quarter(year: y, quarter: n) }
    static func sale(_ amount: Fen, name: String) -> CustomerMonthFigures {
        CustomerMonthFigures(sales: amount, cost: 0, nonZeroLines: amount != 0 ? 1 : 0, lines: 1, latestName: name,
                             latestNameRecency: LineRecency(date: 1, sequence: 1))
    }
    static func rec(_ id: String, _ receivable: Fen, overdue: Fen = 0, collected: Fen = 0, terms: String = "") -> ReceivableRecord {
        ReceivableRecord(customerID: id, receivable: receivable, overdue: overdue, collected: collected, paymentTerms: terms)
    }
    static func day(_ m: Int, _ d: Int) -> LocalDate { LocalDate(year: 2026, month: m, day: d) ?? LocalDate(daysSinceEpoch: 0) }

    static func context(_ job: JobKind, _ period: Period, revision: Int = 1, unchangedDigest: String? = nil) -> ReportContext {
        let fire = LocalDateTime(date: LocalDate(year: 2026, month: 7, day: 6) ?? LocalDate(daysSinceEpoch: 0),
                                 time: TimeOfDay(hour: 7, minute: 0) ?? .midnight)
        return ReportContext(job: job, ownerTitle: "HG01 华东化工有限公司", period: period, fireTime: fire, createdUnix: 1_783_292_400,
                             revision: revision, revisionReason: revision == 1 ? "首次生成" : "输入文件变更",
                             inputs: [.init(fileName: "receivables_2026Q2.csv", kind: "receivables", period: "2026Q2",
                                            received: "2026-07-03 10:00", sha256: String(repeating: "ab", count: 32))],
                             notes: [], company: "测试集团", unchangedDigest: unchangedDigest)
    }

    static var creditInputs: CreditInputs {
        var settings = PolicySettings()
        settings.credit.roundTo = 10_000
        return CreditInputs(
            history: SalesHistory(customers: [
                "C1": [ym(2026, 4): sale(100_000, name: "甲公司")],
                "C2": [ym(2025, 6): sale(1_200_000, name: "乙公司")],
                "C7": [ym(2026, 5): sale(20_000, name: "=HYPERLINK(\"http://x\",\"y\")")],
            ]),
            receivables: [
                q(2025, 4): [rec("C1", 10_000, terms: "月结30"), rec("C2", 20_000, terms: " 现款 ")],
                q(2026, 1): [rec("C1", 40_000), rec("C2", 100_000), rec("C4", 5_000), rec("C5", 0)],
                q(2026, 2): [rec("C1", 95_000, overdue: 3_800, collected: 90_000, terms: "月结30"),
                             rec("C2", 300_000, overdue: 90_000, collected: 10_000),
                             rec("C3", 0), rec("C6", -10_000), rec("C8", 5_000)],
            ],
            approvals: [q(2026, 2): [ApprovalRecord(customerID: "C1", approvedLimit: 100_000),
                                     ApprovalRecord(customerID: "C6", approvedLimit: 100_000)]],
            // C2's manager is written with surrounding spaces (trimmed in 超限预警); C1 has no file: (未指定).
            customerFiles: [q(2026, 2): [CustomerFileRecord(customerID: "C3", fields: ["customer_name": "丙公司"]),
                                         CustomerFileRecord(customerID: "C2", fields: ["customer_name": "乙公司", "account_manager": " 王芳 "])]],
            settings: settings, cadence: .quarterly)
    }

    static var proposalInputs: CreditInputs {
        CreditInputs(history: SalesHistory(customers: ["K": [ym(2025, 6): sale(860_000_000, name: "大客户K")]]),
                     receivables: [q(2025, 4): [rec("K", 1_000_000, terms: "承兑汇票"), rec("L", 500)]],
                     // K's 2026Q2 limit was approved at 1,000,000.00: the form shows it and the change.
                     approvals: [q(2026, 2): [ApprovalRecord(customerID: "K", approvedLimit: 100_000_000)]],
                     settings: PolicySettings(), cadence: .quarterly)
    }

    static var visitReport: VisitReport {
        get throws {
        func visit(_ id: String, _ m: Int, _ d: Int, _ who: String, _ role: VisitorRole, _ purpose: String = "") -> VisitRecord {
            VisitRecord(date: day(m, d), customerID: id, visitor: who, role: role, purpose: purpose)
        }
        let credit = CreditInputs(
            history: SalesHistory(customers: [
                "A1": [ym(2025, 9): sale(8_000, name: "甲")], "B1": [ym(2025, 9): sale(1_500, name: "乙")],
                "C1": [ym(2025, 9): sale(500, name: "丙")],
            ]),
            receivables: [q(2026, 2): [rec("B1", 1_000, overdue: 500)]],
            customerFiles: [q(2026, 1): [CustomerFileRecord(customerID: "K1", fields: ["customer_name": "档案客户"])]],
            settings: PolicySettings(), cadence: .quarterly)
        let visits: [Period: [VisitRecord]] = [
            q(2026, 1): [visit("A1", 2, 10, "王五", .leader, "客情建设")],
            q(2026, 2): [visit("A1", 4, 1, "张三", .representative, "产品销售"), visit("A1", 5, 1, "张三", .representative, "市场维护"),
                         visit("A1", 6, 1, "张三", .representative, "随访"), visit("B1", 4, 2, "李四", .manager, "客情建设"),
                         visit("B1", 5, 2, "李四", .manager), visit("X9", 5, 3, "张三", .representative, "信息收集"),
                         visit("K1", 4, 3, "李四", .manager, "客户指导")],
        ]
        return try VisitReport(quarter: q(2026, 2), visits: visits, credit: credit)
        }
    }

    static var fileReport: FileMaintenanceReport {
        get throws {
        let full = ["customer_name": "甲公司", "credit_code": "91350100M000100Y43", "industry": "化工", "region": "华东",
                    "contact": "张三", "phone": "13800000000", "account_manager": "李四"]
        var changed = full
        changed["phone"] = "13900000000"
        var noCode = full
        noCode["credit_code"] = ""
        noCode["customer_name"] = "乙公司"
        let files: [Period: [CustomerFileRecord]] = [
            q(2026, 1): [CustomerFileRecord(customerID: "F1", fields: full), CustomerFileRecord(customerID: "F2", fields: noCode),
                         CustomerFileRecord(customerID: "F3", fields: full)],
            q(2026, 2): [CustomerFileRecord(customerID: "F1", fields: changed), CustomerFileRecord(customerID: "F2", fields: noCode),
                         CustomerFileRecord(customerID: "F4", fields: ["customer_name": "新客户", "credit_code": "91350100M000100Y44",
                                                                        "industry": "医药"])],
        ]
        let history = SalesHistory(customers: ["S1": [ym(2026, 5): sale(700, name: "无档案客户")],
                                               "F1": [ym(2026, 5): sale(100, name: "甲公司")]])
        return try FileMaintenanceReport(quarter: q(2026, 2), customerFiles: files, history: history, settings: PolicySettings())
        }
    }

    @Test func workbooksReadBackWithHandComputedFigures() throws {
        // KAM_KEEP_WORKBOOKS=DIR writes them there and keeps them, to open by hand.
        let keep = ProcessInfo.processInfo.environment["KAM_KEEP_WORKBOOKS"]
        let dir = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("kam-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
        let inputs = Self.creditInputs
        try CreditReportWorkbook.write(CreditReport(quarter: Self.q(2026, 2), inputs: inputs),
                                       context: Self.context(.creditReport, Self.q(2026, 2)),
                                       to: dir.appendingPathComponent("credit_2026Q2.xlsx").path)
        try CreditReportWorkbook.write(CreditReport(quarter: Self.q(2026, 3), inputs: inputs),
                                       context: Self.context(.creditReport, Self.q(2026, 3)),
                                       to: dir.appendingPathComponent("credit_2026Q3.xlsx").path)
        try CreditLimitProposalWorkbook.write(CreditLimitProposal(quarter: Self.q(2026, 3), inputs: Self.proposalInputs),
                                              context: Self.context(.creditLimitProposal, Self.q(2026, 3)),
                                              to: dir.appendingPathComponent("proposal_2026Q3.xlsx").path)
        try VisitReportWorkbook.write(Self.visitReport, context: Self.context(.visitReport, Self.q(2026, 2)),
                                      to: dir.appendingPathComponent("visits_2026Q2.xlsx").path)
        try FileMaintenanceWorkbook.write(Self.fileReport, context: Self.context(.fileMaintenance, Self.q(2026, 2)),
                                          to: dir.appendingPathComponent("files_2026Q2.xlsx").path)

        let (status, text) = try PythonChecker.run(Self.checker, on: dir)
        #expect(status == 0, "\(text)")
        #expect(text.contains("OK"))
    }

    /// SPEC §8 Workbooks: a rebuild that shows what the delivered revision shows is no revision.
    /// Given that revision's visible digest, the build is not written at all (the XML and zlib
    /// are most of its cost): no file at the path, the same digest returned. A digest that
    /// differs (another revision, other figures) writes the file as before.
    @Test func aBuildShowingWhatIsDeliveredIsNotWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kam-unchanged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = try CreditReport(quarter: Self.q(2026, 2), inputs: Self.creditInputs)
        let first = dir.appendingPathComponent("r1.xlsx").path
        let delivered = try CreditReportWorkbook.write(report, context: Self.context(.creditReport, Self.q(2026, 2)), to: first)
        #expect(FileManager.default.fileExists(atPath: first))

        // Revision 2 from the same figures: the title's 第2版 is not content, so nothing is written.
        let same = dir.appendingPathComponent("r2.xlsx").path
        let digest = try CreditReportWorkbook.write(
            report, context: Self.context(.creditReport, Self.q(2026, 2), revision: 2, unchangedDigest: delivered), to: same)
        #expect(digest == delivered)
        #expect(!FileManager.default.fileExists(atPath: same))

        // Other figures (the 2026Q3 report, its receivables missing) against that digest: written.
        let other = dir.appendingPathComponent("r3.xlsx").path
        let changed = try CreditReportWorkbook.write(
            try CreditReport(quarter: Self.q(2026, 3), inputs: Self.creditInputs),
            context: Self.context(.creditReport, Self.q(2026, 3), revision: 2, unchangedDigest: delivered), to: other)
        #expect(changed != delivered)
        #expect(FileManager.default.fileExists(atPath: other))
    }
}
