import KamPolicy

/// One workbook a run will deliver, decided before any is built: the instance, its job and
/// what the build knows (revision, reason, inputs, statuses). Planned on the run's thread,
/// then read (never changed) by the writer threads.
struct PlannedBuild: @unchecked Sendable {
    // @unchecked: `job` is one of the *Job structs (configuration, the Sendable store, the
    // clock: all immutable), and `build` holds plain values; none is mutated after planning.
    let instance: JobInstance
    let job: ReportJob
    let build: BuildInfo
    /// The current revision had disappeared from `reports/`: it is built again (same revision,
    /// same bytes: workbooks are reproducible) and put back, with no new ledger row (SPEC §8).
    var restoring = false

    /// What its load stage may read through `SharedInputs`: counted when planned, released when built.
    var loads: Set<SharedInputs.Load> { SharedInputs.loads(of: build.resolved) }
}
