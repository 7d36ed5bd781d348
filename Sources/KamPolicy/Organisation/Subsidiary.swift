/// A subsidiary: owns a drop folder, delivers the subsidiary-tier workbooks, belongs to one line.
public struct Subsidiary: Hashable, Sendable {
    public let code: String
    public let name: String
    public let lineCode: String

    public init(code: String, name: String, lineCode: String) {
        self.code = code
        self.name = name
        self.lineCode = lineCode
    }
}
