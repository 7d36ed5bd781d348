/// A subsidiary's 客户档案维护情况 for quarter Q (SPEC §4.4) reduced to the figures HQ reads:
/// how much the file moved, how complete it is, and what is wrong with it. Filled from the
/// subsidiary's file-maintenance results by whoever wires the job.
public struct SubsidiaryFileFigures: Sendable, Equatable {
    /// Whether the subsidiary's `customers` snapshot for Q was accepted; without it the figures
    /// below are unknown, not zero, and the workbook leaves them blank.
    public var hasSnapshot: Bool
    /// Records in Q's snapshot.
    public var records: Int
    /// Against the snapshot of prev(Q): new, removed and changed records (a record counts once
    /// however many of its fields changed).
    public var newRecords: Int
    public var removedRecords: Int
    public var changedRecords: Int
    /// Completeness: the share of required file fields filled over all records; nil when there
    /// are no records.
    public var completeness: Double?
    /// Records whose credit_code fails the GB 32100-2015 check character.
    public var invalidCreditCodes: Int
    /// Customers with sales in Q but no file (无档案).
    public var customersWithoutFile: Int

    public init(hasSnapshot: Bool, records: Int, newRecords: Int, removedRecords: Int, changedRecords: Int,
                completeness: Double?, invalidCreditCodes: Int, customersWithoutFile: Int) {
        self.hasSnapshot = hasSnapshot
        self.records = records
        self.newRecords = newRecords
        self.removedRecords = removedRecords
        self.changedRecords = changedRecords
        self.completeness = completeness
        self.invalidCreditCodes = invalidCreditCodes
        self.customersWithoutFile = customersWithoutFile
    }

    /// No accepted snapshot for Q.
    public static let missing = SubsidiaryFileFigures(hasSnapshot: false, records: 0, newRecords: 0, removedRecords: 0,
                                                      changedRecords: 0, completeness: nil, invalidCreditCodes: 0,
                                                      customersWithoutFile: 0)
}
