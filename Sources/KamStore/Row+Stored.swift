import GRDB

/// Reading a record's typed columns. GRDB's own decoding of a text no enum case has throws its
/// `RowDecodingError`, whose message carries the whole row and the SQL; a damaged or hand-edited
/// store should instead say which table and column hold which text, like every other
/// `StoredValueProblem`, so the records check their typed columns with these first.
extension Row {
    /// The value of `column` as `Value`, or a `StoredValueProblem` naming `table`, the column and the text.
    func stored<Value: DatabaseValueConvertible>(_ column: String, of table: String, as type: Value.Type = Value.self) throws -> Value {
        let value: DatabaseValue = self[column]
        guard let typed = Value.fromDatabaseValue(value) else {
            throw StoredValueProblem(table: table, value: "column \(column) holding \(value)")
        }
        return typed
    }

    /// Like `stored(_:of:)`, but the empty text is no value: the column is NOT NULL and kam writes
    /// `""` where there is none (a rejected file whose name states no kind or period).
    func storedUnlessEmpty<Value: DatabaseValueConvertible>(_ column: String, of table: String,
                                                          as type: Value.Type = Value.self) throws -> Value? {
        let value: DatabaseValue = self[column]
        if String.fromDatabaseValue(value) == "" { return nil }
        return try stored(column, of: table, as: type)
    }
}
