/// Whether a subsidiary's input arrived for the job that needed it (SPEC §2, §8): on time when
/// first received before the job fired, late after, missing when never received. The
/// consolidated workbooks list it with the received time.
public enum SubmissionStatus: Sendable, Equatable {
    case onTime(received: LocalDateTime)
    case late(received: LocalDateTime)
    case missing

    /// `firstReceived`: when the earliest file for the (subsidiary, kind, period) was received,
    /// whether or not a later one superseded it; nil when none ever was.
    public static func of(firstReceived: LocalDateTime?, fireTime: LocalDateTime) -> SubmissionStatus {
        guard let received = firstReceived else { return .missing }
        return received < fireTime ? .onTime(received: received) : .late(received: received)
    }

    /// The status without its received time: what the ledger keeps for each input a delivered
    /// workbook stated, spelled as the workbooks write it.
    public enum State: String, Sendable, CaseIterable, Codable {
        case onTime = "按时"
        case late = "逾期"
        case missing = "未报送"
    }

    public var state: State {
        switch self {
        case .onTime: .onTime
        case .late: .late
        case .missing: .missing
        }
    }

    /// 按时 / 逾期 / 未报送, as the workbooks write it.
    public var label: String { state.rawValue }

    public var received: LocalDateTime? {
        switch self {
        case .onTime(let r), .late(let r): r
        case .missing: nil
        }
    }
}
