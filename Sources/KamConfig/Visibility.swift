import KamPolicy

/// Who may see which company's data (SPEC §9, §10; seed 003 第十一条: 大客户信息属企业机密), as one
/// pure rule. The portal asks it before it shows, lists or serves anything, and delivery
/// (`Routing`) asks it before it sends a workbook, so a subsidiary can never be sent or shown
/// another subsidiary's figures by one path that the other path would have refused.
public enum Visibility {
    /// What the rule needs to know about a delivered workbook: its tier (`subsidiary`,
    /// `management`, `hq`), its job, and whose it is (the subsidiary of a subsidiary-tier
    /// workbook, the business line it belongs to).
    public struct Workbook: Sendable, Equatable {
        public var tier: String
        public var job: String
        public var subsidiary: String?
        public var line: String?

        public init(tier: String, job: String, subsidiary: String?, line: String?) {
            self.tier = tier
            self.job = job
            self.subsidiary = subsidiary
            self.line = line
        }
    }

    /// Whether `scope` may see `workbook`: a subsidiary its own subsidiary-tier workbooks; a
    /// line's 总管理部 its subsidiaries' workbooks and its line's 汇总分析表 (`management` alone: every
    /// line); HQ everything; the operator, who runs the machine, no company figures.
    public static func mayView(_ workbook: Workbook, as scope: RecipientScope) -> Bool {
        switch scope {
        case .subsidiary(let code):
            return workbook.tier == ReportingTier.subsidiary.rawValue && workbook.subsidiary == code
        case .management(let line):
            guard line == nil || workbook.line == line else { return false }
            return workbook.tier == ReportingTier.subsidiary.rawValue || workbook.job == JobKind.lineSummary.rawValue
        case .hq:
            return true
        case .operator:
            return false
        }
    }

    /// Whether `scope` may see a receipt of `subsidiary`'s drop file (its rows, totals and
    /// errors): the subsidiary itself, its line's 总管理部, HQ.
    public static func mayViewReceipt(ofSubsidiary subsidiary: String, line: String?, as scope: RecipientScope) -> Bool {
        switch scope {
        case .subsidiary(let code): return code == subsidiary
        case .management(let l): return l == nil || l == line
        case .hq: return true
        case .operator: return false
        }
    }

    /// Whether `scope` may see a whole period's manifest: it names every workbook of the period
    /// and the input files of every subsidiary, so only those who may see all of them.
    public static func mayViewManifest(as scope: RecipientScope) -> Bool {
        if case .hq = scope { return true }
        return false
    }
}
