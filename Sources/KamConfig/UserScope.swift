import Foundation
import KamPolicy

/// A portal user's scope (SPEC §10): one of §9's scopes, or `admin`, who sees everything
/// HQ sees and also the runs, the users and the access record.
public enum UserScope: Sendable, Equatable, CustomStringConvertible {
    case member(RecipientScope)
    case admin

    /// What the user may see of the company data: an admin sees as HQ.
    public var dataScope: RecipientScope {
        switch self {
        case .member(let s): s
        case .admin: .hq
        }
    }

    /// The subsidiary a `subsidiary:S` user uploads for; nil for every other scope.
    public var uploadSubsidiary: String? {
        if case .member(.subsidiary(let code)) = self { return code }
        return nil
    }

    public var isAdmin: Bool { self == .admin }

    public var description: String {
        switch self {
        case .member(let s): s.description
        case .admin: "admin"
        }
    }

    /// Reads `admin` or a §9 scope, checked against the organisation.
    public static func parse(_ text: String, organisation: Organisation) -> Result<UserScope, RecipientScope.Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "admin" { return .success(.admin) }
        switch RecipientScope.parse(trimmed, organisation: organisation) {
        case .success(let s): return .success(.member(s))
        case .failure(let p): return .failure(RecipientScope.Problem(message: p.message.replacingOccurrences(of: " or operator", with: ", operator or admin")))
        }
    }
}
