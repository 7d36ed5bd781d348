import Foundation
import KamIngest
import KamStore

/// A drop file read, judged and archived, waiting for its batch's commit: what the store gets
/// (`recording`), and what is done after the commit — its receipt, then leaving the drop folder.
struct PendingDrop {
    let entry: DropEntry
    let identity: DropEntryGuard.Identity
    let recording: KamStore.Recording
    /// Written once the commit is in; its effect (which periods the file now decides) is
    /// described against the store as it stood right after this file.
    var receipt: Receipt
    let receiptURL: URL
    /// The archive's folder when this file's bytes were renamed into it and the rename is not
    /// yet durable; nil when the archive already existed or was synced on its own.
    let unsyncedArchiveFolder: URL?

    var isAccepted: Bool {
        if case .accepted = recording { return true }
        return false
    }

    var submission: Submission {
        switch recording {
        case .accepted(let submission, _), .rejected(let submission): return submission
        }
    }

    var rowCount: Int { submission.rowCount }
}
