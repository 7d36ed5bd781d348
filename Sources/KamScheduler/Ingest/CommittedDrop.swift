import Foundation
import KamIngest
import KamStore

/// A drop file whose batch is committed, as its answer needs it (its receipt, then leaving
/// the drop folder): what the store recorded, without the rows, which are stored by now and
/// need not stay in memory while the receipts are written.
struct CommittedDrop {
    let entry: DropEntry
    let identity: DropEntryGuard.Identity
    let isAccepted: Bool
    /// As admitted (the receipt's received time, the problem count for the log).
    let submission: Submission
    let receipt: Receipt
    let receiptURL: URL
    let recorded: KamStore.Recorded
}

extension PendingDrop {
    func committed(as recorded: KamStore.Recorded) -> CommittedDrop {
        CommittedDrop(entry: entry, identity: identity, isAccepted: isAccepted, submission: submission, receipt: receipt,
                      receiptURL: receiptURL, recorded: recorded)
    }
}
