import Foundation

/// A workbook built ahead by a writer thread: complete and synced under its temporary name,
/// not yet in place. The run puts it in place (and records it) in its own order, or removes it.
struct StagedWorkbook: Sendable {
    /// The temporary file and what the job returned for the ledger, or why the build failed.
    /// No file for a rebuild that shows what its kept revision shows (`BuildInfo.keptIfUnchanged`):
    /// it was never written, and publishing it keeps that revision.
    let result: Result<(temp: URL?, written: WrittenWorkbook), any Error>
}
