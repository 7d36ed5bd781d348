import KamConfig
import KamIngest
import KamPolicy
import KamReports
import KamStore

/// `hq-quarterly` for the group and quarter: each subsidiary's file-maintenance and visit
/// figures (the same reports its own workbooks show), missing approvals, and the status of
/// every input it owed for the quarter.
struct HQQuarterlyJob: ReportJob {
    let config: KamConfiguration
    let store: KamStore
    let clock: ZonedClock
    let memo: ReportMemo

    static func scope(_ quarter: Period) -> SubsidiaryInputs.Scope {
        var scope = VisitReportJob.scope(quarter)
        scope.customerFiles = .through(quarter)
        // Q's approvals (its 执行额度) and Q+1's, whose 批复状态 HQ sees (SPEC §4.6): an approval
        // arriving later makes a new revision.
        scope.approvals = .only([quarter, quarter.shifted(by: 1)])
        return scope
    }

    /// Per subsidiary: its own scope, and those of the reports it shows (all within it).
    func reads(for instance: JobInstance) -> [SubsidiaryRead] {
        let q = instance.period
        return config.organisation.subsidiaries.flatMap { sub in
            [Self.scope(q), CreditReportJob.scope(q), FileMaintenanceJob.scope(q), VisitReportJob.scope(q)]
                .map { SubsidiaryRead(subsidiary: sub.code, scope: $0) }
        }
    }

    func expectedInputs(for instance: JobInstance) -> [ExpectedInput] {
        let q = instance.period
        let calendar = config.calendar
        return config.organisation.subsidiaries.flatMap { sub -> [ExpectedInput] in
            // Approvals for Q are what credit-report for Q reads (its 执行额度): due by its fire time.
            let owed = [JobKind.salesReport, .creditReport, .fileMaintenance, .visitReport].compactMap {
                ExpectedInput.owed(by: $0, subsidiary: sub.code, period: q, calendar: calendar)
            }
            let approvals = ExpectedInput.owed(by: .creditReport, subsidiary: sub.code, period: q, calendar: calendar).map {
                ExpectedInput(subsidiary: $0.subsidiary, kind: .approvals, period: q, dueBy: $0.dueBy)
            }
            return owed + (approvals.map { [$0] } ?? [])
        }
    }

    func reportsUsed(for instance: JobInstance) -> [ReportMemo.Use] {
        config.organisation.subsidiaries.flatMap { sub in
            [ReportMemo.Kind.files, .visits, .groupCredit].map { ReportMemo.Use(kind: $0, subsidiary: sub.code, period: instance.period) }
        }
    }

    func write(_ instance: JobInstance, build: BuildInfo, loader: SubsidiaryInputs, to path: String) throws -> WrittenWorkbook {
        let q = instance.period
        var inputs: [HQSubsidiaryInput] = []
        var counts: [HQGroupCredit.Counts] = []
        var credits: [String: SubsidiaryGroupCredit] = [:]
        var files: [(subsidiary: String, identities: [CustomerFileIdentity])] = []
        for sub in config.organisation.subsidiaries {
            let lineName = config.organisation.line(code: sub.lineCode)?.name ?? sub.lineCode
            let credit = try CreditReportJob.groupCredit(sub.code, q, loader: loader, memo: memo)
            credits[sub.code] = credit
            counts.append(HQGroupCredit.counts(subsidiary: sub, lineName: lineName, credit: credit))
            // The latest customers snapshot with quarter end ≤ Q (SPEC §4.6).
            if let latest = try loader.latestCustomerIdentities(sub.code, Self.scope(q), through: q) {
                files.append((sub.code, latest))
            }
            let files = try FileMaintenanceJob.figures(sub.code, q, loader: loader, memo: memo)
            let visits = try VisitReportJob.figures(sub.code, q, loader: loader, memo: memo)
            let hasAcceptedApprovals = build.inputs.contains {
                $0.subsidiary == sub.code && $0.kind == .approvals && $0.period == q
            }
            let submissions = build.statuses.filter { $0.input.subsidiary == sub.code }.map {
                InputSubmission(kind: $0.input.kind.rawValue, period: $0.input.period, status: $0.status)
            }
            inputs.append(HQSubsidiaryInput(
                subsidiary: sub, lineName: config.organisation.line(code: sub.lineCode)?.name ?? sub.lineCode,
                files: files, visits: visits,
                hasAcceptedApprovals: hasAcceptedApprovals, submissions: submissions,
                nextQuarterApproval: try ApprovalStatusLookup.timeliness(sub.code, for: q.shifted(by: 1), read: Self.scope(q),
                                                                          build: build, config: config, clock: clock)))
        }
        let hq = HQQuarterly(quarter: q, subsidiaries: inputs)
        let names = Dictionary(config.organisation.subsidiaries.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let group = try MoneyOverflow.context(subsidiary: "集团") { () throws(MoneyOverflow) in
            let shared = try HQGroupCredit.sharedRows(SharedCustomers.find(in: files), credits: credits, names: names, quarter: q)
            let summary = try HQGroupCredit.summary(shared, quarter: q)
            return HQQuarterlyWorkbook.GroupCredit(counts: counts, shared: shared, sharedCustomers: summary.customers,
                                                   sharedReceivable: summary.receivable)
        }
        let context = try ReportContextFactory(config: config, clock: clock).context(for: instance, build: build, notes: [])
        let visible = try HQQuarterlyWorkbook.write(hq, group: group, context: context, to: path)
        return WrittenWorkbook(context: context, visible: visible)
    }
}
