/// The group as config describes it: which subsidiaries exist and which line each reports in.
public struct Organisation: Sendable {
    public let lines: [BusinessLine]
    public let subsidiaries: [Subsidiary]

    public init(lines: [BusinessLine], subsidiaries: [Subsidiary]) {
        self.lines = lines
        self.subsidiaries = subsidiaries
    }

    public func line(code: String) -> BusinessLine? { lines.first { $0.code == code } }

    public func subsidiary(code: String) -> Subsidiary? { subsidiaries.first { $0.code == code } }

    public func subsidiaries(inLine code: String) -> [Subsidiary] { subsidiaries.filter { $0.lineCode == code } }

    /// The cadence a subsidiary reports on: its line's.
    public func cadence(ofSubsidiary code: String) -> Cadence? {
        subsidiary(code: code).flatMap { line(code: $0.lineCode) }?.cadence
    }
}
