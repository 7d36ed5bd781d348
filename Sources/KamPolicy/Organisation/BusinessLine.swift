/// A business line (化工, 医药): the unit of cadence and of the management tier's summary.
public struct BusinessLine: Hashable, Sendable {
    public let code: String
    public let name: String
    public let cadence: Cadence

    public init(code: String, name: String, cadence: Cadence) {
        self.code = code
        self.name = name
        self.cadence = cadence
    }
}
