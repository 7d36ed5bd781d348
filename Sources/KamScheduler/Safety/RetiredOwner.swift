import KamConfig
import KamPolicy
import KamStore

/// A delivered workbook whose owner the config no longer has (docs/DECISIONS.md, "Retired
/// owners and renamed lines"): a subsidiary or business line removed from the config, or
/// given another code. Its workbooks stay where they were delivered — kam never deletes a
/// delivered workbook — but no run will make a new revision of them, so the manifest lists
/// them apart (`retired`) and `kam status` names them, and nobody takes them as current.
enum RetiredOwner {
    /// Whether `delivery`'s owner is gone from `organisation`. The group (集团) never retires.
    static func isRetired(_ delivery: Delivery, organisation: Organisation) -> Bool {
        guard let job = JobKind(rawValue: delivery.job) else { return true }
        switch job.tier {
        case .subsidiary: return organisation.subsidiary(code: delivery.owner) == nil
        case .management: return organisation.line(code: delivery.owner) == nil
        case .hq: return false
        }
    }
}
