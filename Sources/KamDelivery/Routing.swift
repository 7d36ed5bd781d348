import KamConfig
import KamPolicy

/// SPEC §9's table of who receives what, as one pure function: a scope and an item in, yes or
/// no out. Everything that sends asks here, so the table is implemented (and tested) once.
public enum Routing {
    /// Jobs whose workbooks HQ (集团总管理处) receives.
    static let hqJobs: Set<String> = [JobKind.lineSummary.rawValue, JobKind.hqQuarterly.rawValue, JobKind.keyAccountReview.rawValue]

    public static func receives(_ scope: RecipientScope, _ item: OutboxItem) -> Bool {
        switch (scope, item.kind) {
        // Whoever runs kam hears of failures, and of nothing else.
        case (.operator, .failure): return true
        case (.operator, _), (_, .failure): return false

        // A subsidiary: its own subsidiary-tier workbooks, receipts, reminders and 未报送 notices.
        // Workbooks: exactly those the scope may see (`Visibility`, the rule the portal asks too) —
        // except HQ, who may see every workbook but is *sent* only the group's consolidations.
        case (.subsidiary, .workbook), (.management, .workbook):
            return Visibility.mayView(workbook(item), as: scope)
        case (.subsidiary(let code), .receipt), (.subsidiary(let code), .reminder), (.subsidiary(let code), .missing):
            return item.subsidiary == code
        case (.subsidiary, .late):
            return false

        // 总管理部: its line's 汇总分析表 and every subsidiary-tier workbook of the line's subsidiaries,
        // and 未报送 / 逾期 notices for them; `management` alone means every line.
        case (.management(let line), .missing), (.management(let line), .late):
            return line == nil || item.line == line
        case (.management, .receipt), (.management, .reminder):
            return false

        // 集团总管理处: the group's consolidations and the digest of who is missing or late.
        case (.hq, .workbook):
            return item.job.map(hqJobs.contains) ?? false
        case (.hq, .missing), (.hq, .late):
            return true
        case (.hq, .receipt), (.hq, .reminder):
            return false
        }
    }

    /// What `Visibility` needs to know of a workbook item; an item without a tier or job matches no rule.
    static func workbook(_ item: OutboxItem) -> Visibility.Workbook {
        Visibility.Workbook(tier: item.tier ?? "", job: item.job ?? "", subsidiary: item.subsidiary, line: item.line)
    }

    /// The recipients of `item`, in config order.
    public static func recipients(of item: OutboxItem, among recipients: [Recipient]) -> [Recipient] {
        recipients.filter { receives($0.scope, item) }
    }
}
