/// A subsidiary's reading settings from config: encoding, column aliases, tolerance.
public struct ReadSettings: Sendable, Equatable {
    public var encoding: EncodingChoice
    /// canonical column → this subsidiary's header (config `columns`).
    public var columnAliases: [String: String]
    /// Bad rows tolerated before a file is rejected whole (config `max_bad_rows`).
    public var maxBadRows: Int

    public init(encoding: EncodingChoice = .auto, columnAliases: [String: String] = [:], maxBadRows: Int = 0) {
        self.encoding = encoding
        self.columnAliases = columnAliases
        self.maxBadRows = maxBadRows
    }
}
