/// A period is written as its spelling (`2026-09`, `2026Q3`, `2026`), the same text as report
/// folders and the store's period columns. Only that exact spelling reads back: `2026q3` is a
/// drop file name's way of writing a quarter, never a stored value, so reading it would mean
/// the text was changed by someone other than kam, and writing it back would change it again.
extension Period: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = Period(storedText: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "`\(text)` is not a period as kam writes it")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The period whose `description` is exactly `text`, or nil.
    public init?(storedText text: String) {
        guard let period = Period(parsing: text), period.description == text else { return nil }
        self = period
    }
}
