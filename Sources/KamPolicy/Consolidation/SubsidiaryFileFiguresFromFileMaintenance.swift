/// Adapter from the subsidiary tier's `FileMaintenanceReport` (branch `credit`) to the figures
/// HQ reads, so 客户档案及拜访分析 repeats the subsidiary's own counts.
extension SubsidiaryFileFigures {
    public init(report: FileMaintenanceReport) {
        guard !report.isCurrentMissing else {
            self = .missing
            return
        }
        self.init(hasSnapshot: true, records: report.records.count, newRecords: report.added.count,
                  removedRecords: report.removed.count, changedRecords: report.changedCustomers,
                  completeness: report.overallCompleteness, invalidCreditCodes: report.invalidCreditCodes.count,
                  customersWithoutFile: report.withoutFile.count)
    }
}
