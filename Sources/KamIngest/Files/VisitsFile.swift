import KamPolicy

/// A `visits` file read into records in file order. The role decides which visits count
/// for the half-year leader and manager rules, so it must be one of the policy's three;
/// the purpose is only tallied, so one outside the five is kept as written (SPEC §8).
public struct VisitsFile: Sendable {
    public var check = FileCheck()
    public var records: [VisitRecord] = []

    public static func read(_ bytes: [UInt8], period: Period, settings: ReadSettings) -> VisitsFile {
        var file = VisitsFile()
        var check = FileCheck()
        var records: [VisitRecord] = []
        InputFileReader(kind: .visits, settings: settings).read(bytes, check: &check) { fields, line, header in
            var row = RowContext(fields: fields, line: line, header: header)
            let date = row.date("date", in: period)
            let id = row.customerID()
            let visitor = row.requiredText("visitor", "拜访人为空")
            let role = VisitorRole(rawValue: row.text("role"))
            if role == nil {
                row.fail("role", "职务必须是 销售代表、销售主管 或 公司领导 之一")
            }
            guard row.problems.isEmpty, let date, let id, let visitor, let role else { return row.problems }
            records.append(VisitRecord(date: date, customerID: id, visitor: visitor, role: role,
                                            purpose: row.text("purpose"), notes: row.text("notes")))
            return []
        }
        file.check = check
        file.records = records
        return file
    }
}
