/// One change of a customer's file between prev(Q)'s snapshot and Q's (SPEC §4.4).
public struct CustomerFileChange: Sendable, Equatable {
    public var customerID: String
    /// Canonical field name (`customer_name`, `credit_code`, …).
    public var field: String
    public var old: String
    public var new: String

    public init(customerID: String, field: String, old: String, new: String) {
        self.customerID = customerID
        self.field = field
        self.old = old
        self.new = new
    }

    /// Fields that differ, in SPEC §3 column order; values compare as written (after ingest's trim).
    public static func changes(from old: CustomerFileRecord, to new: CustomerFileRecord) -> [CustomerFileChange] {
        CustomerFileRecord.fieldNames.compactMap { f in
            old.value(f) == new.value(f) ? nil : CustomerFileChange(customerID: new.customerID, field: f, old: old.value(f), new: new.value(f))
        }
    }

    /// The Chinese header of a canonical file field (SPEC §3), for workbooks.
    public static func chineseName(of field: String) -> String {
        switch field {
        case "customer_id": "客户编码"
        case "customer_name": "客户名称"
        case "credit_code": "统一社会信用代码"
        case "industry": "行业"
        case "region": "区域"
        case "legal_rep": "法定代表人"
        case "contact": "联系人"
        case "phone": "联系电话"
        case "address": "地址"
        case "account_manager": "客户经理"
        default: field
        }
    }
}
