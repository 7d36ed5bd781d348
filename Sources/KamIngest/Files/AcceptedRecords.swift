import KamPolicy

/// What an accepted drop file contributes to the store, by kind: sales as customer × month
/// aggregates (the grain every sales rule sums), the quarter kinds as their rows in file order.
public enum AcceptedRecords: Sendable {
    case sales(SalesFile)
    case receivables([ReceivableRecord])
    case customers([CustomerFileRecord])
    case visits([VisitRecord])
    case approvals([ApprovalRecord])

    public var kind: InputKind {
        switch self {
        case .sales: .sales
        case .receivables: .receivables
        case .customers: .customers
        case .visits: .visits
        case .approvals: .approvals
        }
    }
}
