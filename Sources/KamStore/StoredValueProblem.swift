/// A value in the store that kam never writes: the store was changed by hand or damaged.
/// Reported rather than trapped, so a run fails with the table and value instead of crashing.
public struct StoredValueProblem: Error, Sendable, CustomStringConvertible {
    public let table: String
    public let value: String
    public var description: String { "unexpected value `\(value)` in store table \(table)" }
}
