/// Where a sales file's columns are, resolved once per file from its header instead of a
/// dictionary lookup per cell.
struct SalesColumns {
    let date: Int
    let customerID: Int
    let name: Int
    let amount: Int
    let cost: Int?
    let quantity: Int?

    /// The header resolved only when every required column is present, so the lookups hold.
    init(_ header: HeaderMap) {
        date = header.index["date"] ?? 0
        customerID = header.index["customer_id"] ?? 0
        name = header.index["customer_name"] ?? 0
        amount = header.index["amount"] ?? 0
        cost = header.index["cost"]
        quantity = header.index["quantity"]
    }
}
