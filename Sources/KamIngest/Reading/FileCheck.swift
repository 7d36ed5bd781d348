/// What reading a file found, before anything is stored: the basis of its receipt.
public struct FileCheck: Sendable {
    public var encoding: DetectedEncoding?
    /// Rows taken (excluding bad and skipped rows).
    public var acceptedRows = 0
    public var badRows = 0
    /// Problems found, the first `diagnosticLimit` of them; `problemCount` counts them all.
    public var diagnostics: [Diagnostic] = []
    public var problemCount = 0
    /// True when the problem concerns the whole file (unreadable, no header…).
    public var fileRejected = false
    public var warnings: [String] = []

    public static let diagnosticLimit = 1000

    public init() {}

    public mutating func report(_ d: Diagnostic) {
        problemCount += 1
        if diagnostics.count < Self.diagnosticLimit { diagnostics.append(d) }
    }

    public mutating func rejectFile(_ d: Diagnostic) {
        fileRejected = true
        report(d)
    }

    /// A whole-file problem found after rows were read (a sum that cannot be represented):
    /// listed first, since it is the reason the file is refused, ahead of any row errors.
    public mutating func rejectFileFirst(_ d: Diagnostic) {
        fileRejected = true
        problemCount += 1
        diagnostics.insert(d, at: 0)
        if diagnostics.count > Self.diagnosticLimit { diagnostics.removeLast() }
    }

    /// Accepted when nothing is wrong with the file as a whole and the bad rows are within tolerance.
    public func isAccepted(maxBadRows: Int) -> Bool { !fileRejected && badRows <= maxBadRows }
}
