/// The effective content of one quarter-kind input (`receivables`, `customers`, `visits`,
/// `approvals`) for a subsidiary and quarter: the records of the latest accepted file (a later
/// file supersedes an earlier one as a whole, SPEC §3), with that file for the lineage.
public struct InputSnapshot<Record: Sendable>: Sendable {
    public let submission: Submission
    public let records: [Record]

    public init(submission: Submission, records: [Record]) {
        self.submission = submission
        self.records = records
    }
}
