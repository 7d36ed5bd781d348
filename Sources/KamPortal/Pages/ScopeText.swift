import KamConfig
import KamIngest
import KamPolicy

/// The Chinese words pages use for scopes, kinds and times.
enum ScopeText {
    static func label(_ scope: UserScope) -> String {
        switch scope {
        case .admin: "系统管理员"
        case .member(.hq): "集团总管理处"
        case .member(.management(nil)): "总管理部"
        case .member(.management(let line?)): "总管理部·\(line)"
        case .member(.subsidiary(let code)): "分公司 \(code)"
        case .member(.operator): "运维"
        }
    }

    static func kind(_ kind: InputKind) -> String { "\(kind.chineseName)（\(kind.rawValue)）" }

    static func dateTime(_ t: LocalDateTime) -> String { t.description.replacingOccurrences(of: "T", with: " ") }
}
