import Foundation

/// Runs one of this folder's openpyxl checkers on a folder of written workbooks: the
/// independent reader every workbook test here compares against.
enum PythonChecker {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")

    /// The checker script `name` next to this file.
    static func script(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Its exit status and everything it printed (stdout and stderr together).
    static func run(_ checker: URL, on folder: URL) throws -> (status: Int32, output: String) {
        try run(arguments: [checker.path, folder.path])
    }

    /// A short check written inline (`python3 -c`), given the folder as `sys.argv[1]`.
    static func run(script: String, on folder: URL) throws -> (status: Int32, output: String) {
        try run(arguments: ["-c", script, folder.path])
    }

    private static func run(arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
