import XLSXWriter

/// What every workbook kind shares around its own figures: the file, the document properties
/// (title, subject, company, a created time fixed to the fire time so a rebuild gives the same
/// bytes), the sheet writer, the 概览 sheet first with the version block at its end, and the
/// 数据来源 sheet last. A kind only says what it shows.
enum WorkbookShell {
    /// Creates the workbook at `path`, lets `content` fill 概览 and add the data sheets, and closes it
    /// — or, when it shows exactly what `context.unchangedDigest` says the delivered revision
    /// shows, discards it and leaves no file at `path`.
    /// - Parameter subject: the document's subject line, what the workbook is about.
    /// Returns the digest of what a reader sees (`VisibleContent`).
    @discardableResult
    static func write(to path: String, context: ReportContext, subject: String,
                      _ content: (OverviewSheet, SheetWriter) throws -> Void) throws -> String {
        let workbook = try Workbook(path: path)
        workbook.recordsContent = true
        try workbook.setProperties(DocumentProperties(
            title: "\(context.ownerTitle) \(context.period) \(context.job.workbookName)",
            subject: subject, company: context.company, author: "kam", created: context.createdUnix))
        let writer = SheetWriter(workbook: workbook, context: context)
        let overview = try OverviewSheet(writer: writer)
        try content(overview, writer)
        try overview.context(context)
        // The source files are not content (`VisibleContent`): a file that changes no figure
        // changes only this list.
        workbook.recordsContent = false
        try DataSourcesSheet.write(context, with: writer)
        let digest = VisibleContent.digest(of: workbook)
        // A rebuild that shows what the delivered revision shows is no revision (SPEC §8
        // Workbooks): nothing is written, and the run keeps the delivered one.
        if digest == context.unchangedDigest {
            try workbook.discard()
        } else {
            try workbook.close()
        }
        return digest
    }
}
