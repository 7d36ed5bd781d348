import KamPolicy

/// A `customers` snapshot read into master records, one per customer, in file order.
/// `credit_code` is kept as written even when its check character is wrong: file
/// maintenance reports bad codes (SPEC §4.4), so it is not a row error (§8).
public struct CustomersFile: Sendable {
    public var check = FileCheck()
    public var records: [CustomerFileRecord] = []

    public static func read(_ bytes: [UInt8], settings: ReadSettings) -> CustomersFile {
        var file = CustomersFile()
        var check = FileCheck()
        var records: [CustomerFileRecord] = []
        var seen = SnapshotCustomers()
        InputFileReader(kind: .customers, settings: settings).read(bytes, check: &check) { fields, line, header in
            var row = RowContext(fields: fields, line: line, header: header)
            let id = row.customerID()
            if let id, let dup = seen.duplicateReason(id, line: line) { row.fail("customer_id", dup) }
            _ = row.requiredText("customer_name", "客户名称为空")
            guard row.problems.isEmpty, let id else { return row.problems }
            var values: [String: String] = [:]
            for name in CustomerFileRecord.fieldNames { values[name] = row.text(name) }
            records.append(CustomerFileRecord(customerID: id, fields: values))
            return []
        }
        file.check = check
        file.records = records
        return file
    }
}
