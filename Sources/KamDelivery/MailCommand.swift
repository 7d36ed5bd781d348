import Foundation

/// Hands a rendered message to the configured sendmail-compatible command on standard input
/// (`delivery.mail_command`). Exit status 0 is accepted by the MTA; anything else is a
/// failure whose standard error is the recorded reason, retried later, never lost.
public struct MailCommand: Sendable {
    /// The command line, split on spaces (quote nothing: give a wrapper script if an argument needs spaces).
    public let commandLine: String
    /// A command that neither finishes nor fails within this time is stopped and counted as failed.
    public let timeoutSeconds: Double

    public init(_ commandLine: String, timeoutSeconds: Double = 120) {
        self.commandLine = commandLine
        self.timeoutSeconds = timeoutSeconds
    }

    public func send(_ message: Data) throws(DeliveryError) {
        let words = commandLine.split(separator: " ").map(String.init)
        guard let program = words.first else { throw DeliveryError("delivery.mail_command is empty") }
        // A command that exits without reading its input must not kill kam with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(words.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = words
        }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DeliveryError("cannot start the mail command `\(commandLine)` (\(error.localizedDescription)); "
                                + "check delivery.mail_command (e.g. install msmtp or a sendmail MTA)")
        }
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: message)
            try? writer.close()
        }
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: deadline)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            var said = String(decoding: errData.isEmpty ? outData : errData, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if said.count > 2000 { said = String(said.prefix(2000)) + "…" }
            let how = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)"
                : "was stopped (signal \(process.terminationStatus); timeout \(Int(timeoutSeconds)) s)"
            throw DeliveryError("mail command `\(commandLine)` \(how)" + (said.isEmpty ? "" : ": \(said)"))
        }
    }
}
