import Foundation
import KamPolicy

/// A credit report's 超限 / 预警 / 无额度 counts as the ledger keeps them (JSON in
/// `delivery.figures`): the portal's 首页 shows them per subsidiary (SPEC §10) from the delivered
/// workbook's own figures, so the page and the workbook cannot disagree.
public struct CreditCountsRecord: Codable, Sendable, Equatable {
    public var overLimit: Int
    public var warning: Int
    public var noLimit: Int
    /// Q's receivables were missing: nothing was judged, the counts mean nothing.
    public var receivablesMissing: Bool

    init(_ report: CreditReport) {
        overLimit = report.count(of: .over)
        warning = report.count(of: .warning)
        noLimit = report.count(of: .noLimit)
        receivablesMissing = report.isReceivablesMissing
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }

    /// Nil for a delivery recorded before the ledger kept the counts (or not a credit report).
    public static func decode(_ text: String) -> CreditCountsRecord? {
        try? JSONDecoder().decode(CreditCountsRecord.self, from: Data(text.utf8))
    }
}
