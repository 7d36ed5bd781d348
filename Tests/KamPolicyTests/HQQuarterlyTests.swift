import Testing
@testable import KamPolicy

@Suite struct HQQuarterlyTests {
    typealias F = ConsolidationFixture

    static func visit(_ id: String, _ grade: CustomerGrade, _ actual: Int, _ required: Int) -> CustomerVisitCompliance {
        CustomerVisitCompliance(customerID: id, customerName: "名\(id)", grade: grade, required: required, actual: actual,
                                isCompliant: actual >= required)
    }

    static let files = SubsidiaryFileFigures(hasSnapshot: true, records: 10, newRecords: 2, removedRecords: 1, changedRecords: 3,
                                             completeness: 0.8, invalidCreditCodes: 1, customersWithoutFile: 2)

    let hq = HQQuarterly(quarter: F.q3, subsidiaries: [
        HQSubsidiaryInput(subsidiary: F.hg01, lineName: "化工", files: files, visits: SubsidiaryVisitFigures(hasVisits: true, customers: [
            visit("a3", .a, 1, 3), visit("a1", .a, 3, 3), visit("a2", .a, 2, 3), visit("b1", .b, 2, 2),
            visit("c1", .c, 0, 1), visit("c2", .c, 1, 1), visit("c3", .c, 2, 1), visit("c4", .c, 0, 1),
        ]), hasAcceptedApprovals: true, submissions: [
            InputSubmission(kind: "visits", period: F.q3, status: .onTime(received: F.received)),
            InputSubmission(kind: "customers", period: F.q3, status: .late(received: F.received)),
        ]),
        HQSubsidiaryInput(subsidiary: F.hg02, lineName: "化工", files: .missing,
                          visits: SubsidiaryVisitFigures(hasVisits: false, customers: [visit("a9", .a, 0, 3)]),
                          hasAcceptedApprovals: false, submissions: [
                              InputSubmission(kind: "visits", period: F.q3, status: .missing),
                          ]),
    ])

    @Test func complianceSharesByGrade() {
        // HG01: A 1 of 3, B 1 of 1, C 2 of 4. HG02: no visits file, so unknown rather than 0.
        #expect(hq.subsidiaries.map(\.complianceA) == [1.0 / 3.0, nil])
        #expect(hq.subsidiaries.map(\.complianceB) == [1.0, nil])
        #expect(hq.subsidiaries.map(\.complianceC) == [0.5, nil])
    }

    @Test func aCustomersNotCompliantByID() {
        #expect(hq.aCustomersNotCompliant.map { "\($0.subsidiaryCode)/\($0.customer.customerID)" } == ["HG01/a2", "HG01/a3"])
        #expect(hq.subsidiaries.map(\.aCustomersNotCompliant) == [2, 0])
    }

    @Test func missingApprovalsAndFiles() {
        #expect(hq.missingApprovals.map(\.code) == ["HG02"])
        #expect(hq.subsidiaries.map(\.approvalsMissing) == [false, true])
        #expect(hq.subsidiaries[0].files == Self.files)
        #expect(hq.subsidiaries[1].files.hasSnapshot == false)
    }

    @Test func submissionsLateOrMissing() {
        #expect(hq.submissions.count == 3)
        #expect(hq.lateOrMissing.map { "\($0.subsidiaryCode)/\($0.submission.kind)/\($0.submission.status.label)" }
                == ["HG01/customers/逾期", "HG02/visits/未报送"])
    }
}
