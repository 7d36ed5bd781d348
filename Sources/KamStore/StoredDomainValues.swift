import GRDB
import KamIngest
import KamPolicy

// The domain types the store's records hold, kept as the same text as before they were typed
// (`sales`, `2026Q3`, `按时`): no migration, and an older store reads the same. A text kam never
// writes reads as no value; `Row.stored(_:_:)` turns that into a `StoredValueProblem` naming the
// table, column and text.

extension InputKind: DatabaseValueConvertible {}

extension SubmissionStatus.State: DatabaseValueConvertible {}

extension Period: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Period? {
        String.fromDatabaseValue(dbValue).flatMap(Period.init(storedText:))
    }
}
