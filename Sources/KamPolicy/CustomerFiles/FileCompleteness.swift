/// 档案完整度 (SPEC §4.4): the share of the required file fields (`customer_file.required`) that
/// are filled. A field is filled when its trimmed value is not empty.
public enum FileCompleteness {
    public static func filled(_ record: CustomerFileRecord, required: [String]) -> Int {
        required.filter { !record.value($0).trimmedSpaces.isEmpty }.count
    }

    /// One customer's share; nil when no field is required (nothing to measure).
    public static func of(_ record: CustomerFileRecord, required: [String]) -> Double? {
        guard !required.isEmpty else { return nil }
        return Double(filled(record, required: required)) / Double(required.count)
    }

    /// Overall: filled fields over required fields across all records (every field weighs the
    /// same, so it is not an average of averages); nil with no records or no required field.
    public static func overall(_ records: [CustomerFileRecord], required: [String]) -> Double? {
        guard !records.isEmpty, !required.isEmpty else { return nil }
        let count = records.reduce(0) { $0 + Self.filled($1, required: required) }
        return Double(count) / Double(records.count * required.count)
    }

    /// The required fields a record leaves empty, in the configured order.
    public static func missingFields(_ record: CustomerFileRecord, required: [String]) -> [String] {
        required.filter { record.value($0).trimmedSpaces.isEmpty }
    }
}
