/// One customer master record of a `customers` snapshot (SPEC §3). The fields are kept by
/// canonical column name so file maintenance can compare any field, and completeness can
/// count whichever fields config marks as required.
public struct CustomerFileRecord: Sendable, Equatable, Hashable {
    public var customerID: String
    /// Canonical column name (`customer_name`, `credit_code`, `industry`, `region`, `legal_rep`,
    /// `contact`, `phone`, `address`, `account_manager`) → trimmed value. A column absent from
    /// the file, or an empty cell, is "".
    public var fields: [String: String]

    /// The file fields in SPEC §3 order, excluding `customer_id`.
    public static let fieldNames = ["customer_name", "credit_code", "industry", "region", "legal_rep", "contact",
                                    "phone", "address", "account_manager"]

    public init(customerID: String, fields: [String: String]) {
        self.customerID = customerID
        self.fields = fields
    }

    public func value(_ field: String) -> String { fields[field] ?? "" }
    public var customerName: String { value("customer_name") }
    public var creditCode: String { value("credit_code") }
}
