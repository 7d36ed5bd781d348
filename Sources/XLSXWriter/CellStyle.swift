/// How a cell looks, as a value: the workbook turns each distinct style into one format.
public struct CellStyle: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable {
        case general, left, center, right
    }

    /// An Excel number format such as `#,##0.00` or `0.0%`; nil for General.
    public var numberFormat: String?
    public var bold = false
    public var fontColor: UInt32?
    public var fillColor: UInt32?
    public var border = false
    public var wrap = false
    public var alignment: Alignment = .general
    public var fontSize: Double?

    public init(numberFormat: String? = nil, bold: Bool = false, fontColor: UInt32? = nil, fillColor: UInt32? = nil,
                border: Bool = false, wrap: Bool = false, alignment: Alignment = .general, fontSize: Double? = nil) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.border = border
        self.wrap = wrap
        self.alignment = alignment
        self.fontSize = fontSize
    }
}
