import Foundation
import Testing

/// Reminders `remind_days` before a fire time and 未报送 notices after it, exactly once per
/// (subsidiary, input, period, days-before), across runs; a catch-up run after downtime sends
/// one notice per missed deadline and no stale reminders.
@Suite struct ReminderEndToEndTests {
    static func workspace() throws -> (URL, String) {
        let ws = try KamBinary.workspace("small")
        let config = ws.appendingPathComponent("config/kam.yaml")
        var text = try String(contentsOf: config, encoding: .utf8)
        text += """

            recipients:
              - {name: 测试化工销售部, scope: subsidiary:HG01, email: [sales@hg01.example.cn]}
            delivery: {mail_command: /bin/true, remind_days: [3, 1]}

            """
        try text.write(to: config, atomically: true, encoding: .utf8)
        return (ws, config.path)
    }

    static func keys(_ config: String) throws -> [String] {
        let out = try KamBinary.kam("outbox", "--config", config).stdout
        return out.split(separator: "\n").filter { $0.contains("报送提醒") || $0.contains("未报送：") }.map(String.init)
    }

    @Test func remindersBeforeEachDeadlineThenOneNoticeEachOnlyOnce() throws {
        let (ws, config) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        // The first run switches delivery on; three days before October 6th HG01 owes its Q3 sales.
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-03T07:00").status == 0)
        var lines = try Self.keys(config)
        #expect(lines.contains { $0.contains("HG01 测试化工有限公司 2026Q3 销售数据（sales）") && $0.contains("提前 3 天提醒") }, "\(lines)")
        #expect(!lines.contains { $0.contains("提前 1 天") })
        // Run again the same day, and the next: nothing new.
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-03T12:00")
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-04T12:00")
        #expect(try Self.keys(config).count == lines.count)
        // One day before: the 1-day reminder, once.
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-05T07:30")
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-05T09:00")
        lines = try Self.keys(config)
        #expect(lines.filter { $0.contains("2026Q3 销售数据（sales）") && $0.contains("提前 1 天提醒") }.count == 1, "\(lines)")
        // After the fire time: one 未报送 notice per missing input, however many runs follow.
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-07T07:00")
        lines = try Self.keys(config)
        #expect(lines.filter { $0.contains("未报送：HG01 测试化工有限公司 2026Q3 销售数据（sales）") }.count == 1, "\(lines)")
        #expect(lines.allSatisfy { !$0.contains("YY01") }, "only HG01's own: \(lines)")
    }

    @Test func aCatchUpRunAfterDowntimeSendsNoticesNotStaleReminders() throws {
        let (ws, config) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-09-25T07:00").status == 0)
        let before = try Self.keys(config)
        // Down from September 25th to October 20th: the reminders of October 3rd and 5th were slept through.
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-20T07:00").status == 0)
        let after = try Self.keys(config)
        let new = after.filter { !before.contains($0) }
        #expect(!new.contains { $0.contains("报送提醒") }, "\(new)")
        #expect(new.filter { $0.contains("未报送：HG01 测试化工有限公司 2026Q3 销售数据（sales）") }.count == 1, "\(new)")
        #expect(new.contains { $0.contains("未报送：HG01 测试化工有限公司 2026Q3 拜访记录（visits）") }, "\(new)")
    }

    /// The general manager's approval of next quarter's limits is owed too (SPEC §9: `approvals`
    /// for Q' by the approval deadline of §4.6): proposal September 21st + 3 days, to the end of
    /// the 24th. Reminded before, one 未报送 notice after, both naming the day.
    @Test func theApprovalOfNextQuartersLimitsIsRemindedAndNoticed() throws {
        let (ws, config) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-09-22T07:00").status == 0)
        var lines = try Self.keys(config)
        let approval = "HG01 测试化工有限公司 2026Q4 资信额度审批（approvals）"
        #expect(lines.filter { $0.contains("报送提醒：\(approval) 将于 2026-09-24 24:00 截止（提前 3 天提醒）") }.count == 1, "\(lines)")
        // 23:59 on the 24th is still before the deadline: the 1-day reminder, not yet a notice.
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-09-24T23:59")
        lines = try Self.keys(config)
        #expect(lines.filter { $0.contains(approval) && $0.contains("提前 1 天提醒") }.count == 1, "\(lines)")
        #expect(!lines.contains { $0.contains("未报送：\(approval)") }, "\(lines)")
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-09-25T07:00")
        _ = try KamBinary.kam("run", "--config", config, "--as-of", "2026-09-26T07:00")
        lines = try Self.keys(config)
        #expect(lines.filter { $0.contains("未报送：\(approval)，截止 2026-09-24 24:00 未收到") }.count == 1, "\(lines)")
    }
}
