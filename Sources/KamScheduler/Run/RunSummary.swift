import KamDelivery
import KamStore

/// What one run did, for the command line and the log.
public struct RunSummary: Sendable {
    public var acceptedFiles: [String] = []
    public var rejectedFiles: [String] = []
    /// Drop entries kam could not handle this time (`HG01/name: why`); each is tried again
    /// by the next run and does not make the run fail (SPEC §8).
    public var unhandledFiles: [String] = []
    /// Current workbooks that had disappeared from `reports/` and were put back.
    public var restored: [String] = []
    /// Relative paths of the workbooks written.
    public var delivered: [String] = []
    /// Revision number of each delivered workbook that replaced an earlier one, by path.
    public var revised: [String: Int] = [:]
    /// Workbooks rebuilt from new inputs that showed nothing new: no revision (SPEC §8).
    public var unchangedRebuilds: [String] = []
    /// True when the run stopped between workbooks because it was asked to (daemon shutdown).
    public var stoppedEarly = false
    /// Instances that could not produce their workbook, with the reason.
    public var failed: [String] = []
    /// What this run sent, failed to send (retried later) or gave up on; nil with no recipients.
    public var outbox: OutboxDispatcher.Report?
    /// Why queueing or sending stopped early, if it did (the workbooks are delivered regardless).
    public var outboxProblem: String?
    /// When the earliest unsent message is due again (unix seconds): the daemon wakes for it.
    public var nextOutboxTry: Int64?

    public var succeeded: Bool { failed.isEmpty }
}
