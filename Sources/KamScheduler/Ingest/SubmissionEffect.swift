import KamIngest
import KamPolicy
import KamStore

/// What an accepted file changed, for its receipt (SPEC §8): the months or quarter it is now
/// the effective file for, and those where a file received later already wins. Asked of
/// `SubmissionIndex`, the one place that decides "later wins", so the receipt can never
/// disagree with the workbooks. A correction whose file time is older than the file it
/// corrects is accepted, and its receipt says plainly that it does not take effect.
enum SubmissionEffect {
    static func describe(_ file: Submission, among accepted: [Submission]) -> String? {
        guard let kind = file.kind, let period = file.period else { return nil }
        let index = SubmissionIndex(accepted)
        var effective: [String] = []
        var overridden: [String: [String]] = [:]  // winning file name → periods it covers instead
        if kind == .sales {
            for month in period.months {
                let winner = index.effectiveSalesByMonth(file.subsidiary, months: [month])[month]
                if winner?.id == file.id { effective.append(month.description) } else if let winner {
                    overridden[winner.fileName, default: []].append(month.description)
                }
            }
        } else if let winner = index.snapshot(file.subsidiary, kind, period) {
            if winner.id == file.id { effective.append(period.description) } else { overridden[winner.fileName] = [period.description] }
        }
        var parts: [String] = []
        if !effective.isEmpty { parts.append("已生效: \(effective.joined(separator: ", "))") }
        for (winner, periods) in overridden.sorted(by: { $0.key < $1.key }) {
            parts.append("未生效: \(periods.joined(separator: ", ")) 已由较晚接收的文件 \(winner) 覆盖; 如需以本文件为准, 请以新文件名重新报送 (文件修改时间须晚于该文件)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
