import Foundation

/// A real SMTP server on 127.0.0.1 (python3-aiosmtpd, `smtp_sink.py`) started by a test on a
/// free port and stopped after, with msmtp pointed at it as the sendmail command.
final class SMTPSink {
    let folder: URL
    let port: Int
    private let process: Process
    private let stdin: Pipe

    static var script: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_sink.py") }
    static var reader: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("read_mail.py") }

    /// Starts the server storing into `folder`; on `port` when given (to restart one that was stopped).
    init(folder: URL, port: Int? = nil) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.folder = folder
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path, folder.path] + (port.map { [String($0)] } ?? [])
        stdin = Pipe()
        let out = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        try process.run()
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        guard let p = Int(String(decoding: line, as: UTF8.self)) else { throw CocoaError(.fileReadCorruptFile) }
        self.port = p
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { if process.isRunning { stop() } }

    /// An msmtp config relaying to 127.0.0.1:`port` without auth or TLS (0600, as msmtp wants).
    static func msmtprc(in folder: URL, port: Int) throws -> URL {
        let url = folder.appendingPathComponent("msmtprc")
        try "account default\nhost 127.0.0.1\nport \(port)\nfrom kam@example.cn\nauth off\ntls off\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return url
    }

    struct Mail: Decodable {
        struct Attachment: Decodable { let name: String; let sha256: String; let size: Int; let type: String }
        let file: String
        let rcpt: [String]
        let from: String
        let to: String
        let subject: String
        let raw_subject: String
        let message_id: String
        let body: String
        let attachments: [Attachment]
        let defects: [String]
    }

    /// What arrived, read back by Python's email package.
    func mails() throws -> [Mail] {
        let r = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"), [Self.reader.path, folder.path])
        return try JSONDecoder().decode([Mail].self, from: Data(r.stdout.utf8))
    }
}
