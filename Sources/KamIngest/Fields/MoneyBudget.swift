import KamPolicy

/// Keeps every sum a file's money can reach inside `Fen`'s range: the sum of the magnitudes
/// of all accepted amounts bounds every total and every per-customer sum, so once a row's
/// amounts fit the budget nothing built from them can overflow. A row that does not fit
/// (only a crafted or corrupt file gets there: ~92 quadrillion yuan) is an invalid row.
struct MoneyBudget {
    private var used: Fen = 0

    /// Takes the row's amounts when they fit; false (and nothing taken) when they do not.
    mutating func admit(_ amounts: Fen...) -> Bool {
        var total = used
        for a in amounts {
            let (sum, overflow) = total.addingReportingOverflow(a.magnitude > UInt64(Fen.max) ? Fen.max : Fen(a.magnitude))
            if overflow { return false }
            total = sum
        }
        used = total
        return true
    }

    static let reason = "金额超出范围"
}
