import Foundation
import Testing

/// The portal in a real browser (SPEC §10, issue 19): `kam serve` started on a free loopback port
/// over a demo workspace, driven by headless Chromium through Selenium (`portal_browser.py`).
/// Chromium and chromedriver are installed by CI (scripts/install-deps.sh): their absence is a
/// failure here, not a skip. Screenshots go to `KAM_PORTAL_SHOTS` (docs/portal when refreshed by
/// hand) or a temporary folder.
@Suite struct PortalBrowserEndToEndTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("portal_browser.py")
    static let asOf = "2026-11-10T10:00"

    @Test func aClerkUploadsAndDownloadsAndHQSeesTheMatrixChangeAfterARun() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            #expect(FileManager.default.isExecutableFile(atPath: tool),
                    "\(tool) is missing: install chromium, chromium-driver and python3-selenium (scripts/install-deps.sh)")
        }
        let selenium = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", "import selenium"])
        try #require(selenium.status == 0, "python3-selenium is missing: \(selenium.stderr)")

        let ws = FileManager.default.temporaryDirectory.appendingPathComponent("kam-portal-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        try #require(try KamBinary.kam("demo", ws.path).status == 0)
        let first = try KamBinary.kam("run", "--config", config, "--as-of", Self.asOf)
        try #require(first.status == 0, "\(first.stderr)")
        for (name, scope) in [("hg01", "subsidiary:HG01"), ("boss", "hq")] {
            let added = try Self.run(KamBinary.url, ["user", "add", name, "--scope", scope, "--config", config], stdin: "portal-demo-pass\n")
            try #require(added.status == 0, "\(added.stderr)")
        }
        let port = try Self.freePort()
        let server = Process()
        server.executableURL = KamBinary.url
        server.arguments = ["serve", "--config", config, "--listen", "127.0.0.1:\(port)", "--as-of", Self.asOf]
        let log = ws.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        server.standardError = try FileHandle(forWritingTo: log)
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        try Self.waitUntilListening(port: port)

        let shots = ProcessInfo.processInfo.environment["KAM_PORTAL_SHOTS"] ?? ws.appendingPathComponent("shots").path
        let browser = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"),
                                        [Self.script.path, "http://127.0.0.1:\(port)", ws.path, KamBinary.url.path, config, Self.asOf, shots])
        #expect(browser.status == 0, "\(browser.stderr)\nserver log:\n\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        #expect(browser.stdout.contains("browser: ok"))
        // SIGTERM ends the server gracefully.
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }

    static func run(_ executable: URL, _ arguments: [String], stdin: String) throws -> KamBinary.Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return KamBinary.Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func freePort() throws -> Int {
        let r = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"),
                                  ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw CocoaError(.featureUnsupported) }
        return port
    }

    static func waitUntilListening(port: Int) throws {
        let probe = "import socket,sys,time\nfor _ in range(300):\n    try:\n        socket.create_connection(('127.0.0.1', \(port)), 1).close(); sys.exit(0)\n    except OSError:\n        time.sleep(0.1)\nsys.exit(1)"
        let r = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", probe])
        guard r.status == 0 else { throw CocoaError(.fileReadUnknown) }
    }
}
