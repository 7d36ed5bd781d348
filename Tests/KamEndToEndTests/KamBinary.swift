import Foundation

/// Runs the built `kam` (and python) as a user would, capturing output and exit status.
enum KamBinary {
    /// The `kam` built next to this test bundle (the test target depends on it), or `KAM_BIN`.
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["KAM_BIN"] { return URL(fileURLWithPath: path) }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // xctest bundles on Linux are a single file; on other layouts walk up to the products folder.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("kam")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("kam")
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The test hooks a test may set; `kam(_:environment:)` clears them unless given, so a hook
    /// left in the test runner's environment never reaches a run that did not ask for it.
    static let faultHooks = ["KAM_FAULT_KILL_AT", "KAM_FAULT_DROP_CHANGE", "KAM_FAULT_UNREADABLE", "KAM_FAULT_STOP_AT",
                             "KAM_FAULT_LEDGER_FULL"]

    /// Runs the built `kam` with `environment` added to the runner's (the fault hooks cleared
    /// first). A run ended by a signal (a fault hook's SIGKILL) has the signal as a negative status.
    static func kam(_ arguments: [String], environment: [String: String]) throws -> Output {
        var merged = ProcessInfo.processInfo.environment
        for key in faultHooks { merged.removeValue(forKey: key) }
        merged.merge(environment) { $1 }
        return try run(url, arguments, environment: merged)
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        return Output(status: status, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func kam(_ arguments: String...) throws -> Output { try run(url, arguments) }

    /// The receipts kam wrote for drop file `name` in a `receipts` folder, oldest first:
    /// `<name>.<received>.receipt.csv` (or `.xlsx`), the received time making each name its own.
    static func receipts(in folder: URL, for name: String, ext: String = "csv") -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { candidate in
            guard candidate.hasPrefix(name + "."), candidate.hasSuffix(".receipt.\(ext)") else { return false }
            // `<received>` alone (`20261003-100000`, `-2` when two came in one second), not a longer file name.
            let middle = candidate.dropFirst(name.count + 1).dropLast(".receipt.\(ext)".count)
            return middle.count >= 15 && middle.allSatisfy { $0.isNumber || $0 == "-" }
        }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// A copy of a fixture workspace in a fresh temporary folder.
    static func workspace(_ fixture: String) throws -> URL {
        guard let source = Bundle.module.url(forResource: "Fixtures/\(fixture)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("kam-e2e-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// SHA-256 of every file under `folder`, by relative path (sha256sum, not kam's hasher).
    static func digests(_ folder: URL) throws -> [String: String] {
        let listing = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "cd '\(folder.path)' && find . -type f -exec sha256sum {} + | sort"])
        var result: [String: String] = [:]
        for line in listing.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { result[String(parts[1]).trimmingCharacters(in: .whitespaces)] = String(parts[0]) }
        }
        return result
    }
}
