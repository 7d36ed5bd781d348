/// Whether one expected input of a subsidiary arrived (SPEC §2): a kind (`sales`, `receivables`,
/// `customers`, `visits`, `approvals`), the period it is for, and its status against the
/// deadline of the job that needed it.
public struct InputSubmission: Sendable, Equatable {
    public var kind: String
    public var period: Period
    public var status: SubmissionStatus

    public init(kind: String, period: Period, status: SubmissionStatus) {
        self.kind = kind
        self.period = period
        self.status = status
    }
}
