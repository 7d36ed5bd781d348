import KamPolicy
import KamStore

/// Why a workbook is (re)built, in the words its 概览 prints (SPEC §8: the new revision says
/// why it was made).
enum RevisionReason {
    static let first = "首次生成"
    static let requested = "按要求重新生成(kam report)"

    /// A delivered revision read `previous` (submission ids); the workbook would now read `now`.
    static func inputsChanged(previous: [Int64], now: [Submission], known: [Int64: Submission], clock: ZonedClock) -> String {
        let before = Set(previous)
        let after = Set(now.compactMap(\.id))
        let added = now.filter { !before.contains($0.id ?? -1) }
        let dropped = previous.filter { !after.contains($0) }.compactMap { known[$0] }
        var parts: [String] = []
        if !added.isEmpty {
            parts.append("收到新的输入文件 " + added.map { "\($0.subsidiary)/\($0.fileName)(\(clock.display($0.receivedAt)) 接收)" }
                .joined(separator: "、"))
        }
        if !dropped.isEmpty {
            parts.append("不再使用已被取代的文件 " + dropped.map { "\($0.subsidiary)/\($0.fileName)" }.joined(separator: "、"))
        }
        return parts.isEmpty ? "输入文件有变化" : parts.joined(separator: "; ")
    }

    /// A line summary checked again against 客户销售报表 delivered after it was built.
    static func reconciling(_ subsidiaries: [String], period: Period) -> String {
        "重新核对 " + subsidiaries.map { "\($0) 的客户销售报表(\(period))" }.joined(separator: "、") + ", 本次已交付"
    }

    /// The ids a delivery recorded, from its comma-separated `inputs`.
    static func ids(_ inputs: String) -> [Int64] { inputs.split(separator: ",").compactMap { Int64($0) } }

    static func key(_ inputs: [Submission]) -> String { inputs.compactMap(\.id).sorted().map(String.init).joined(separator: ",") }
}
