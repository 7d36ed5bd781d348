import KamIngest
import XLSXWriter

/// What a reader of a workbook sees, as one SHA-256 (SPEC §8 Workbooks: a revision is made only
/// when something a reader sees changes — a figure, a row, a status, the completeness banner).
/// Every cell value in write order counts, blanks included; not what says which revision this is
/// or which files it was built from (the 概览 title's 第N版, the reason, the version lines, the
/// 数据来源 sheet and its pointer), since those change with every rebuild by construction.
public enum VisibleContent {
    static func digest(of workbook: Workbook) -> String {
        SHA256.hex(workbook.recordedContent)
    }

    /// Runs `body` with `sheet`'s writes left out of the digest.
    static func excluding<T>(_ sheet: Worksheet, _ body: () throws -> T) rethrows -> T {
        let was = sheet.recordsContent
        sheet.recordsContent = false
        defer { sheet.recordsContent = was }
        return try body()
    }
}
