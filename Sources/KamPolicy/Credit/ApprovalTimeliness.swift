/// 批复状态 (SPEC §4.6; seed 002 第十六条: the general manager answers a limit proposal within
/// `credit.approval_days` days). Before, an approval was only "there or not": one received a week
/// after its deadline read as approved like any other, and HQ could not see who sat on proposals.
public struct ApprovalTimeliness: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case onTime = "按时批复"
        case late = "逾期批复"
        case notApproved = "未批复"
    }

    /// Q', the quarter whose limits were proposed and are being approved.
    public let quarter: Period
    /// The day the proposal was made (the `credit-limit-proposal` fire date for Q').
    public let proposalDate: LocalDate
    /// The last day of the approval period: proposal date + `approval_days` calendar days (the
    /// policy counts days, not working days). The approval is due by the END of this day.
    public let deadline: LocalDate
    public let status: Status
    /// When the first accepted `approvals_<Q'>` file was received; nil when none had arrived.
    public let received: LocalDateTime?

    /// `firstReceived`: the instant (Unix seconds) the first accepted approvals file for Q' was
    /// received, whether or not a later file superseded it (the first answer is what was on time
    /// or not); nil when none had arrived when the workbook was built. `localTime` turns an instant
    /// into the configured zone's wall-clock time (injected: the rule reads no clock or zone).
    /// On time when that local time's date is on or before the deadline: 23:59:59 of the last day
    /// is on time, 00:00:00 of the next day is late.
    public init(quarter: Period, proposalDate: LocalDate, approvalDays: Int, firstReceived: Int64?,
                localTime: (Int64) -> LocalDateTime) {
        self.quarter = quarter
        self.proposalDate = proposalDate
        deadline = proposalDate.adding(days: max(approvalDays, 0))
        guard let instant = firstReceived else {
            status = .notApproved
            received = nil
            return
        }
        let local = localTime(instant)
        received = local
        status = local.date <= deadline ? .onTime : .late
    }

    /// Whether the status needs a reader's attention (coloured in the workbooks).
    public var isOverdueOrMissing: Bool { status != .onTime }
}
