import Foundation
import Testing

/// `kam daemon` as systemd would run it: it catches up at start, notices a dropped file,
/// ingests it and rebuilds the affected workbook, and stops cleanly on SIGTERM.
@Suite struct DaemonEndToEndTests {
    static func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }

    @Test func ingestsADroppedFileAndStopsWithStatus0OnSIGTERM() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let daemon = Process()
        daemon.executableURL = KamBinary.url
        daemon.arguments = ["daemon", "--config", ws.appendingPathComponent("config/kam.yaml").path, "--poll", "0.3", "--verbose"]
        let err = Pipe()
        daemon.standardError = err
        daemon.standardOutput = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }

        // Real time is past 2026-11-06, so the October workbook is due and made at start, saying data is missing.
        let reports = ws.appendingPathComponent("reports")
        let october = reports.appendingPathComponent("2026-10/subsidiary/YY01_2026-10_客户销售报表.xlsx")
        #expect(Self.waitFor(60) { FileManager.default.fileExists(atPath: october.path) })

        try "日期,客户编码,客户名称,金额\n2026-10-12,C1,甲公司,1000.00\n"
            .write(to: ws.appendingPathComponent("drop/YY01/sales_2026-10.csv"), atomically: true, encoding: .utf8)
        let superseded = reports.appendingPathComponent("2026-10/subsidiary/superseded/YY01_2026-10_客户销售报表_r1.xlsx")
        #expect(Self.waitFor(30) { FileManager.default.fileExists(atPath: superseded.path) }, "the dropped file leads to revision 2")
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("drop/YY01/sales_2026-10.csv").path))

        let stopAsked = Date()
        kill(daemon.processIdentifier, SIGTERM)
        #expect(Self.waitFor(10) { !daemon.isRunning })
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(Date().timeIntervalSince(stopAsked) < 10)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("daemon stopped"), "\(log)")
    }
}
