internal import CThreadSafeTime
internal import CXLSXWriter
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Held around `workbook_close` only when `closesInParallel` is false. libxlsxwriter writes
/// the document's created time (docProps/core.xml, on close) through `gmtime()`; glibc's returns
/// one buffer shared by the whole process, so two workbooks closing at once on different threads
/// could each print the other's date (seen: a line summary stamped with a credit proposal's fire
/// time after a kill and re-run). CThreadSafeTime's `gmtime` gives each thread its own buffer;
/// where it did not take effect, closes stay one at a time: correctness first.
private let libraryClose = Mutex(())

/// Whether the `gmtime` libxlsxwriter calls is per thread, checked once (a call on two threads).
private let gmtimeIsPerThread = kam_gmtime_is_per_thread() == 1

/// An .xlsx file being written. It owns the `lxw_workbook*`; `close()` writes the file and
/// is final — libxlsxwriter frees the workbook even when closing fails.
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: Format] = [:]
    public let path: String
    /// Every value written to a cell, in write order, when `recordsContent` is on: what a reader
    /// sees, so a caller can tell whether two builds show the same thing without comparing zip
    /// bytes. A value's own kind and bytes, then a separator; sheets that opt out (and values
    /// written while a sheet's `recordsContent` is off) leave no trace.
    public private(set) var recordedContent: [UInt8] = []
    /// Off by default: recording costs a copy of every value.
    public var recordsContent = false

    /// Wraps `workbook_new_opt`.
    /// - Parameter constantMemory: stream rows to disk (rows must then be written in order).
    public init(path: String, constantMemory: Bool = false) throws(XLSXError) {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 0
        let created = path.withCString { workbook_new_opt($0, &options) }
        guard let created else {
            throw XLSXError(operation: "workbook_new_opt(\(path))", code: -1, message: "could not create workbook")
        }
        handle = created
    }

    /// Whether workbooks on different threads close at the same time (closing is where the XML
    /// is written and zipped, most of a workbook's cost): true when libxlsxwriter's `gmtime`
    /// is the per-thread one, false when closes must wait for each other.
    public static var closesInParallel: Bool { gmtimeIsPerThread }

    deinit {
        // An abandoned workbook still has to be freed, and libxlsxwriter only frees on close;
        // its caller owns (and removes) whatever partial file that leaves behind.
        if let handle { _ = Self.closeInLibrary(handle) }
    }

    private static func closeInLibrary(_ wb: UnsafeMutablePointer<lxw_workbook>) -> lxw_error {
        gmtimeIsPerThread ? workbook_close(wb) : libraryClose.withLock { _ in workbook_close(wb) }
    }

    private func open() throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError.closed("workbook", path: path) }
        return handle
    }

    /// Appends one value to `recordedContent`: its kind, its bytes, a separator (0xFF never
    /// occurs in UTF-8 text).
    func record(tag: UInt8, _ bytes: some Sequence<UInt8>) {
        recordedContent.append(tag)
        recordedContent.append(contentsOf: bytes)
        recordedContent.append(0xFF)
    }

    /// After `close()` libxlsxwriter has freed the workbook and everything it made (sheets,
    /// charts, formats): their wrappers ask this before every call.
    var isClosed: Bool { handle == nil }

    /// Wraps `workbook_add_worksheet`. The name must already be a valid sheet name
    /// (`SheetName.sanitized` makes one); an invalid one throws rather than being changed here,
    /// because chart ranges and defined names refer to the sheet by the name the caller chose.
    /// Characters XML forbids become U+FFFD here as everywhere (`XMLSafeText`), and the sheet's
    /// `name` is that form: chart ranges and formulas naming the sheet are made safe the same way.
    public func addWorksheet(named name: String) throws(XLSXError) -> Worksheet {
        let wb = try open()
        let name = XMLSafeText.sanitized(name)
        // libxlsxwriter would accept these, but every reader turns them into spaces (see `SheetName`).
        guard !name.contains(where: SheetName.isSpaceInXML) else {
            throw XLSXError(operation: "workbook_add_worksheet(\(name))", code: -1,
                            message: "a sheet name cannot hold a tab or line break: pass it through SheetName.sanitized")
        }
        try check(name.withXMLSafeCString { workbook_validate_sheet_name(wb, $0) }, "workbook_validate_sheet_name(\(name))")
        guard let sheet = name.withXMLSafeCString({ workbook_add_worksheet(wb, $0) }) else {
            throw XLSXError(operation: "workbook_add_worksheet(\(name))", code: -1, message: "could not add worksheet")
        }
        if recordsContent { record(tag: 0x53, name.utf8) }
        return Worksheet(handle: sheet, workbook: self, name: name)
    }

    /// Wraps `workbook_add_chart`. The chart appears once a worksheet inserts it.
    public func addChart(_ kind: Chart.Kind) throws(XLSXError) -> Chart {
        guard let chart = workbook_add_chart(try open(), kind.raw) else {
            throw XLSXError(operation: "workbook_add_chart", code: -1, message: "could not add chart")
        }
        return Chart(handle: chart, kind: kind, workbook: self)
    }

    /// The format for `style`, created once per distinct style (`workbook_add_format`). A caller
    /// writing many cells in a few styles resolves each once and writes with the `Format`
    /// (`Worksheet.write(_:row:column:format:)`). Resolve a style when its first cell is written,
    /// not ahead: libxlsxwriter numbers custom number formats in the order formats are created,
    /// so creating one early would change the file's bytes.
    public func format(for style: CellStyle) throws(XLSXError) -> Format {
        if let existing = formats[style] { return existing }
        guard let raw = workbook_add_format(try open()) else {
            throw XLSXError(operation: "workbook_add_format", code: -1, message: "could not add format")
        }
        let format = Format(handle: raw, style: style, owner: ObjectIdentifier(self))
        formats[style] = format
        return format
    }

    /// Wraps `workbook_set_properties`.
    public func setProperties(_ p: DocumentProperties) throws(XLSXError) {
        let wb = try open()
        var props = lxw_doc_properties()
        props.created = time_t(p.created)
        let result = p.title.withXMLSafeCString { title in
            p.subject.withXMLSafeCString { subject in
                p.company.withXMLSafeCString { company in
                    p.author.withXMLSafeCString { author in
                        props.title = UnsafeMutablePointer(mutating: title)
                        props.subject = UnsafeMutablePointer(mutating: subject)
                        props.company = UnsafeMutablePointer(mutating: company)
                        props.author = UnsafeMutablePointer(mutating: author)
                        return workbook_set_properties(wb, &props)
                    }
                }
            }
        }
        try check(result, "workbook_set_properties")
    }

    /// Wraps `workbook_define_name`, e.g. `("客户排名数据", "=客户排名!$A$1:$P$20")`.
    public func defineName(_ name: String, formula: String) throws(XLSXError) {
        let wb = try open()
        try check(name.withXMLSafeCString { n in formula.withXMLSafeCString { f in workbook_define_name(wb, n, f) } },
                  "workbook_define_name(\(name))")
    }

    /// Frees the workbook without writing anything (`lxw_workbook_free`, what `workbook_close`
    /// calls once the file is written). For a build whose content turns out to be what is
    /// already delivered: the XML and its zlib are most of a workbook's cost, and no file is
    /// created, since libxlsxwriter opens the file only on close. Final, like `close()`.
    public func discard() throws(XLSXError) {
        let wb = try open()
        handle = nil
        lxw_workbook_free(wb)
    }

    /// Wraps `workbook_close`: writes the file. Final whether or not it succeeds.
    public func close() throws(XLSXError) {
        let wb = try open()
        handle = nil
        let result = Self.closeInLibrary(wb)
        try check(result, "workbook_close(\(path))")
    }
}

/// A cell format owned by its workbook (`Workbook.format(for:)`), freed when the workbook closes.
public final class Format {
    let handle: UnsafeMutablePointer<lxw_format>
    /// The workbook that made it: a sheet refuses a format of another workbook, which that
    /// workbook's close would free (and whose style index means nothing in this one).
    let owner: ObjectIdentifier

    init(handle: UnsafeMutablePointer<lxw_format>, style: CellStyle, owner: ObjectIdentifier) {
        self.handle = handle
        self.owner = owner
        if let nf = style.numberFormat { nf.withXMLSafeCString { format_set_num_format(handle, $0) } }
        if style.bold { format_set_bold(handle) }
        if let c = style.fontColor { format_set_font_color(handle, lxw_color_t(c)) }
        if let c = style.fillColor {
            format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(handle, lxw_color_t(c))
        }
        if style.border {
            format_set_border(handle, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_border_color(handle, lxw_color_t(0xBFBFBF))
        }
        if style.wrap { format_set_text_wrap(handle) }
        if let size = style.fontSize { format_set_font_size(handle, size) }
        switch style.alignment {
        case .general: break
        case .left: format_set_align(handle, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(handle, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(handle, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        format_set_align(handle, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
    }
}
