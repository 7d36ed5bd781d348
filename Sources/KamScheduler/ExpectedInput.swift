import KamIngest
import KamPolicy
import KamStore

/// An input a subsidiary owes for a job, judged against the fire time of the subsidiary job
/// that needed it (SPEC §2: on time when received before the job fired).
struct ExpectedInput: Hashable {
    let subsidiary: String
    let kind: InputKind
    let period: Period
    /// The fire time of the subsidiary-tier job the input was due for.
    let dueBy: LocalDateTime

    struct Resolved {
        let input: ExpectedInput
        let status: SubmissionStatus
        let receivedAt: Int64?
    }

    func resolve(_ index: SubmissionIndex, clock: ZonedClock) -> Resolved {
        let received = index.firstComplete(subsidiary, kind, period)
        return Resolved(input: self, status: SubmissionStatus.of(firstReceived: received.map(clock.local(of:)), fireTime: dueBy),
                        receivedAt: received)
    }
}
