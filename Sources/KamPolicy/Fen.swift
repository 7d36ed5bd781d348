/// Money is counted in integer fen (分, hundredths of a yuan) so that sums are exact;
/// only the workbook layer turns fen into yuan for display.
public typealias Fen = Int64

extension Fen {
    /// Fen per yuan.
    public static let perYuan: Fen = 100
}
