import KamDelivery
import KamIngest
import KamPolicy

/// Reminders before a fire time for expected inputs not yet received, and 未报送 / 逾期 notices
/// after it (SPEC §9), from the same expected inputs and statuses the workbooks and `kam status`
/// use (`ExpectedInput`, `SubmissionIndex`). Each has a key per (subsidiary, input, period,
/// days-before), so the ledger queues it once; a catch-up run after downtime finds the
/// reminder thresholds of a past deadline superseded by its notice and sends the notice only.
struct InputNotices {
    let calendar: PolicyCalendar
    let organisation: Organisation
    let clock: ZonedClock
    let remindDays: [Int]
    /// `credit.approval_days`: the approval of next quarter's limits is owed that many days after
    /// the proposal, and reminded and noticed like any other input.
    let approvalDays: Int
    /// Fire times before this instant (when delivery was switched on) get no notice: the
    /// history before it is not news.
    let noticesFrom: Int64

    static let subsidiaryJobs: Set<JobKind> = Set(JobKind.allCases.filter { $0.tier == .subsidiary })

    func items(index: SubmissionIndex) -> [OutboxItem] {
        let now = clock.localNow
        let month = now.date.yearMonth
        let maxDays = remindDays.max() ?? 0
        var seen = Set<ExpectedInput>()
        var items: [OutboxItem] = []
        for instance in calendar.instances(firingFrom: month.adding(months: -12), through: month.adding(months: 2), jobs: Self.subsidiaryJobs)
        where calendar.isReported(instance.period) {
            let owed = instance.job == .creditLimitProposal
                ? ExpectedInput.approvals(owedBy: instance.owner, for: instance.period, calendar: calendar, approvalDays: approvalDays)
                : ExpectedInput.owed(by: instance.job, subsidiary: instance.owner, period: instance.period, calendar: calendar)
            guard let input = owed, seen.insert(input).inserted else { continue }
            // A deadline with no instant in the zone (issue 21: never for a four-digit year) gets
            // no reminder or notice rather than one timed at a made-up 1970.
            guard let fire = try? clock.instant(of: input.dueBy) else { continue }
            let resolved = input.resolve(index, clock: clock)
            if fire > clock.now {
                guard case .missing = resolved.status, fire - clock.now <= Int64(maxDays) * 86_400 else { continue }
                // The nearest threshold already passed: a run 12 hours before a deadline sends the
                // 1-day reminder, not also the 3-day one it slept through.
                guard let days = remindDays.filter({ fire - Int64($0) * 86_400 <= clock.now }).min() else { continue }
                items.append(item(.reminder, input, key: "reminder|\(keyPart(input))|\(days)",
                                  title: "报送提醒：\(who(input)) \(input.period) \(what(input)) 将于 \(deadline(input)) 截止（提前 \(days) 天提醒）",
                                  detail: "请在截止前将 \(input.kind.rawValue)_\(input.period).csv 放入 drop/\(input.subsidiary)/ 报送目录。"))
            } else if fire >= noticesFrom {
                switch resolved.status {
                case .missing:
                    items.append(item(.missing, input, key: "missing|\(keyPart(input))",
                                      title: "未报送：\(who(input)) \(input.period) \(what(input))，截止 \(deadline(input)) 未收到",
                                      detail: input.kind == .approvals
                                          ? "批复状态为 未批复；收到后按收到时间记为 逾期批复。"
                                          : "报表已按缺失数据生成（数据不完整）；收到后自动生成新版本。"))
                case .late(let received):
                    items.append(item(.late, input, key: "late|\(keyPart(input))",
                                      title: "逾期报送：\(who(input)) \(input.period) \(what(input))，\(show(received)) 收到（截止 \(deadline(input))）"))
                case .onTime:
                    break
                }
            }
        }
        return items
    }

    private func item(_ kind: OutboxItem.Kind, _ input: ExpectedInput, key: String, title: String, detail: String = "") -> OutboxItem {
        OutboxItem(kind: kind, key: key, period: input.period.description, subsidiary: input.subsidiary,
                   line: organisation.subsidiary(code: input.subsidiary)?.lineCode, title: title, detail: detail)
    }

    private func keyPart(_ input: ExpectedInput) -> String { "\(input.subsidiary)|\(input.kind.rawValue)|\(input.period)" }

    private func who(_ input: ExpectedInput) -> String {
        organisation.subsidiary(code: input.subsidiary).map { "\($0.code) \($0.name)" } ?? input.subsidiary
    }

    private func what(_ input: ExpectedInput) -> String {
        let names: [InputKind: String] = [.sales: "销售数据", .receivables: "应收账款数据", .customers: "客户档案",
                                          .visits: "拜访记录", .approvals: "资信额度审批"]
        return "\(names[input.kind] ?? input.kind.rawValue)（\(input.kind.rawValue)）"
    }

    /// An approval is due by the end of its deadline day (`dueBy` is the next midnight): say the day.
    private func deadline(_ input: ExpectedInput) -> String {
        input.kind == .approvals ? "\(input.dueBy.date.adding(days: -1)) 24:00" : show(input.dueBy)
    }

    private func show(_ t: LocalDateTime) -> String { t.description.replacingOccurrences(of: "T", with: " ") }
}
