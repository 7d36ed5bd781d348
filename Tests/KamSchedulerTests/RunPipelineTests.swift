import Foundation
import Testing
@testable import KamPolicy
@testable import KamScheduler
@testable import KamStore

/// The plan and resolve stages: which instances are built, as which revision, and why.
@Suite struct RunPipelineTests {
    let q3 = Period.quarter(year: 2026, quarter: 3)
    var instance: JobInstance {
        JobInstance(job: .salesReport, owner: "HG01", period: q3, fireTime: LocalDateTime(parsing: "2026-10-08T07:00")!)
    }

    func planned(_ f: SchedulerFixture, forced: Bool = false, checkRevisions: Bool = true) throws -> [PlannedBuild] {
        let pipeline = f.pipeline()
        let context = try pipeline.context()
        let candidates = pipeline.plan([instance], forced: forced, checkRevisions: checkRevisions, context: context)
        return pipeline.resolve(candidates, forced: forced, checkRevisions: checkRevisions, context: context)
    }

    /// Records `build` as delivered, with its file in place under `reports/`.
    func deliver(_ build: PlannedBuild, _ f: SchedulerFixture) throws {
        let location = ReportLocation(instance: build.instance, organisation: f.config.organisation)
        let url = location.url(in: f.config)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("delivered".utf8).write(to: url)
        try f.store.recordDelivery(Delivery(
            job: build.instance.job.rawValue, owner: build.instance.owner, period: q3, revision: build.build.revision,
            fireTime: build.instance.fireTime.description, path: location.relativePath, sha256: "x",
            inputs: RevisionReason.key(build.build.inputs), reason: build.build.reason, deliveredAt: 1), statuses: [])
    }

    @Test func aNewInstanceIsTheFirstRevisionAndReadsWhatItLists() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        let file = try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n")
        let plan = try planned(f)
        #expect(plan.count == 1)
        #expect(plan[0].build.revision == 1 && plan[0].build.reason == RevisionReason.first)
        #expect(plan[0].build.inputs == [file])
        #expect(!plan[0].restoring)
    }

    @Test func unchangedInputsPlanNothingAndANewFileMakesTheNextRevision() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n")
        try deliver(try planned(f)[0], f)
        #expect(try planned(f).isEmpty)
        // Nothing accepted since the last check: not even resolved.
        #expect(try planned(f, checkRevisions: false).isEmpty)
        let correction = try f.sales(.month(YearMonth(year: 2026, month: 9)), "sales_2026-09.csv", at: 200, "2026-09-01,C1,甲,2\n")
        let plan = try planned(f)
        #expect(plan.count == 1)
        #expect(plan[0].build.revision == 2)
        #expect(plan[0].build.reason.contains("收到新的输入文件 HG01/sales_2026-09.csv"))
        #expect(plan[0].build.inputs.contains(correction))
    }

    @Test func kamReportForcesARevisionAndADeletedWorkbookIsPutBackAsItWas() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        try f.sales(q3, "sales_2026Q3.csv", at: 100, "2026-07-01,C1,甲,1\n")
        let first = try planned(f)[0]
        try deliver(first, f)
        let forced = try planned(f, forced: true)
        #expect(forced.map(\.build.revision) == [2])
        #expect(forced.first?.build.reason == RevisionReason.requested)
        try FileManager.default.removeItem(at: ReportLocation(instance: instance, organisation: f.config.organisation).url(in: f.config))
        let restoring = try planned(f, checkRevisions: false)
        #expect(restoring.count == 1 && restoring[0].restoring)
        #expect(restoring[0].build.revision == 1 && restoring[0].build.reason == RevisionReason.first)
    }

    @Test func theLookaheadHandsResultsBackInPlanOrder() {
        for workers in [0, 1, 2, 4] {
            let ahead = OrderedLookahead<Int>(count: 20, workers: workers, window: workers + 1) { i in
                // Later items finish first on the workers: the order must still be the plan's.
                if i % 3 == 0 { usleep(2_000) }
                return i * i
            }
            var seen: [Int] = []
            while let next = ahead.takeNext() { seen.append(next) }
            _ = ahead.finish()
            #expect(seen == (0..<20).map { $0 * $0 }, "workers: \(workers)")
        }
    }

    /// The run builds subsidiary by subsidiary and publishes oldest first: `take` hands back
    /// the result of any index, waiting for it, each once; nil for one already taken.
    @Test func theLookaheadHandsBackAnyIndexOnce() {
        let publishOrder = [3, 0, 7, 1, 2, 9, 4, 8, 5, 6]
        for workers in [0, 1, 2] {
            let ahead = OrderedLookahead<Int>(count: 10, workers: workers, window: 10) { i in
                if i % 2 == 0 { usleep(1_000) }
                return i * 10
            }
            let seen = publishOrder.map { ahead.take($0) }
            #expect(seen == publishOrder.map { $0 * 10 }, "workers: \(workers)")
            #expect(ahead.take(3) == nil, "workers: \(workers)")
            _ = ahead.finish()
        }
    }

    /// Build order: line by line, each subsidiary's builds together in plan order, the line's
    /// consolidations after its subsidiaries, the group's last.
    @Test func theRunBuildsSubsidiaryBySubsidiary() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        let pipeline = f.pipeline()
        let context = try pipeline.context()
        let fire = LocalDateTime(parsing: "2026-10-10T07:00")!
        let q3 = Period.quarter(year: 2026, quarter: 3)
        let subsidiaries = f.config.organisation.subsidiaries
        let line = try #require(f.config.organisation.lines.first)
        var instances: [JobInstance] = []
        for job in [JobKind.salesReport, .creditReport] {
            for sub in subsidiaries { instances.append(JobInstance(job: job, owner: sub.code, period: q3, fireTime: fire)) }
        }
        instances.append(JobInstance(job: .hqQuarterly, owner: JobInstance.groupOwner, period: q3, fireTime: fire))
        instances.insert(JobInstance(job: .lineSummary, owner: line.code, period: q3, fireTime: fire), at: subsidiaries.count)
        let plan = instances.map { PlannedBuild(instance: $0, job: pipeline.job($0.job, context: context),
                                                build: BuildInfo(revision: 1, reason: "", resolved: ResolvedInputs(reads: [], index: context.index),
                                                                 statuses: [])) }
        let built = pipeline.buildOrder(plan).map { plan[$0].instance }
        #expect(Set(pipeline.buildOrder(plan)) == Set(plan.indices))
        // Each subsidiary's builds are next to each other, in plan order.
        for sub in subsidiaries {
            let positions = built.indices.filter { built[$0].owner == sub.code }
            #expect(positions == Array(positions.first!...positions.last!), "\(sub.code)")
            #expect(positions.map { built[$0].job } == [.salesReport, .creditReport])
        }
        // The line's summary after every subsidiary of its line, the group's workbook last.
        let members = Set(f.config.organisation.subsidiaries(inLine: line.code).map(\.code))
        let summary = try #require(built.firstIndex { $0.job == .lineSummary })
        #expect(built.indices.filter { members.contains(built[$0].owner) }.allSatisfy { $0 < summary })
        #expect(built.last?.job == .hqQuarterly)
    }

    /// A line summary is built ahead of its turn (while the run waits for the writers) once its
    /// line's sales and credit reports of its period that come before it are published; other
    /// periods' reports and other workbooks between do not hold it back.
    @Test func aLineSummaryIsReadyOnceItsLinesReportsBeforeItArePublished() throws {
        let f = try SchedulerFixture()
        defer { f.remove() }
        let pipeline = f.pipeline()
        let context = try pipeline.context()
        let fire = LocalDateTime(parsing: "2026-10-10T07:00")!
        let september = Period.month(YearMonth(year: 2026, month: 9))
        let line = try #require(f.config.organisation.lines.first).code
        let instances = [
            JobInstance(job: .salesReport, owner: "HG01", period: q3, fireTime: fire),            // 0
            JobInstance(job: .creditReport, owner: "HG01", period: q3, fireTime: fire),           // 1
            JobInstance(job: .salesReport, owner: "HG01", period: september, fireTime: fire),     // 2
            JobInstance(job: .hqQuarterly, owner: JobInstance.groupOwner, period: q3, fireTime: fire),  // 3
            JobInstance(job: .lineSummary, owner: line, period: q3, fireTime: fire),              // 4
            JobInstance(job: .lineSummary, owner: line, period: september, fireTime: fire),       // 5
        ]
        let plan = instances.map { PlannedBuild(instance: $0, job: pipeline.job($0.job, context: context),
                                                build: BuildInfo(revision: 1, reason: "", resolved: ResolvedInputs(reads: [], index: context.index),
                                                                 statuses: [])) }
        let none: [Int: StagedWorkbook] = [:]
        let built: [Int: StagedWorkbook] = [4: StagedWorkbook(result: .failure(CancellationError()))]
        #expect(pipeline.readySummary(plan, publishedBefore: 0, built: none) == nil)  // Q3's sales report is not published
        #expect(pipeline.readySummary(plan, publishedBefore: 1, built: none) == nil)  // nor its credit report
        #expect(pipeline.readySummary(plan, publishedBefore: 2, built: none) == 4)    // September's report and hq are not Q3's line reports
        #expect(pipeline.readySummary(plan, publishedBefore: 2, built: built) == nil) // September's summary waits for its report
        #expect(pipeline.readySummary(plan, publishedBefore: 3, built: built) == 5)
        #expect(pipeline.readySummary(plan, publishedBefore: 5, built: built) == 5)   // at its turn, itself
        #expect(pipeline.readySummary(plan, publishedBefore: 6, built: none) == nil)  // nothing after the last
        // At Q3's summary's turn (index 4), September's summary waits for its report (2 < 4: published).
        #expect(pipeline.readySummaries(plan, publishedBefore: 4, built: none) == [4, 5])
        #expect(pipeline.readySummaries(plan, publishedBefore: 2, built: none) == [4])
    }
}
