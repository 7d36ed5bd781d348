import Foundation
import KamIngest

/// A drop file as a lookahead worker leaves it for the ingest: staged (copied once), summed,
/// and — unless the file was already known when the run started — read and checked. Nothing
/// here touches the store, the archive or the drop folder; the ingest does that in order.
struct PreparedDrop: Sendable {
    let entry: DropEntry
    /// The staged copy under the data folder; the ingest removes it (or adopts it as the archive).
    let staged: URL
    /// Modification time of the drop file when it was opened (seconds since 1970), or nil.
    let mtime: Int64?
    /// SHA-256 of the staged copy, or the error that stopped the staging.
    let sha: Result<String, any Error>
    /// The staged copy read by the rules of its kind; nil when it was not read (already known,
    /// or staging failed), or the read error.
    let file: Result<CheckedFile, any Error>?
    /// The drop file's identity when it was staged; nil when it had vanished since the listing.
    let identity: DropEntryGuard.Identity?
    /// Whether the reader flushed the staged copy to disk: it can then become the archive by
    /// one rename (`SecureFiles.adoptSynced`), its bytes already durable.
    var synced = false
}
