/// A config problem, refused at start: the file, the line, the key and what is wrong.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    /// Dotted path to the key, e.g. `subsidiaries[1].line`.
    public let key: String
    public let message: String

    public init(file: String, line: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return key.isEmpty ? "\(location): \(message)" : "\(location): key `\(key)`: \(message)"
    }
}
