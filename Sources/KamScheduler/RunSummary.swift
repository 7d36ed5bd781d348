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
    /// True when the run stopped between workbooks because it was asked to (daemon shutdown).
    public var stoppedEarly = false
    /// Instances that could not produce their workbook, with the reason.
    public var failed: [String] = []

    public var succeeded: Bool { failed.isEmpty }
}
