/// The workbook's File > Properties. `created` is set explicitly so that the same inputs give
/// the same bytes: libxlsxwriter would otherwise stamp the wall clock.
public struct DocumentProperties: Sendable {
    public var title: String
    public var subject: String
    public var company: String
    public var author: String
    /// Seconds since 1970-01-01 UTC.
    public var created: Int64

    public init(title: String, subject: String = "", company: String = "", author: String = "", created: Int64) {
        self.title = title
        self.subject = subject
        self.company = company
        self.author = author
        self.created = created
    }
}
