import Dispatch
import Foundation
import Testing
import XLSXWriter

/// Workbooks closed at the same time on different threads (kam builds two or three at once)
/// keep their own created time: libxlsxwriter formats it through `gmtime()`, whose glibc buffer
/// is process-wide; CThreadSafeTime's per-thread `gmtime` lets closes run in parallel.
@Suite struct ConcurrentCloseTests {
    /// The per-thread `gmtime` took effect in this process (as it does in `kam`, linked the same
    /// way), so the test below runs its closes in parallel rather than passing because the
    /// wrapper fell back to one close at a time.
    @Test func closesRunInParallel() {
        #expect(Workbook.closesInParallel)
    }

    @Test func eachWorkbookKeepsItsCreatedTimeWhenClosedConcurrently() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-close-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 3_000
        let base: Int64 = 1_735_689_600  // 2025-01-01T00:00:00Z
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: count) { i in
            do {
                let workbook = try Workbook(path: folder.appendingPathComponent("\(i).xlsx").path)
                try workbook.setProperties(DocumentProperties(title: "t\(i)", created: base + Int64(i) * 86_400 + Int64(i % 7) * 3_600))
                let sheet = try workbook.addWorksheet(named: "s")
                try sheet.write(Double(i), row: 0, column: 0)
                try workbook.close()
            } catch {
                failures.add("\(i): \(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        // An independent reader: Python's zipfile, the created stamp as written in core.xml.
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        check.arguments = ["-c", """
            import datetime, re, sys, zipfile
            base = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
            wrong = []
            for i in range(int(sys.argv[2])):
                xml = zipfile.ZipFile(f"{sys.argv[1]}/{i}.xlsx").read("docProps/core.xml").decode()
                stamp = re.search(r"<dcterms:created[^>]*>([^<]*)<", xml).group(1)
                want = (base + datetime.timedelta(days=i, hours=i % 7)).strftime("%Y-%m-%dT%H:%M:%SZ")
                if stamp != want: wrong.append(f"{i}: {stamp} != {want}")
            print(len(wrong), wrong[:5])
            """, folder.path, "\(count)"]
        let out = Pipe()
        check.standardOutput = out
        try check.run()
        check.waitUntilExit()
        let result = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(result.hasPrefix("0 "), "workbooks with another workbook's created time: \(result)")
    }
}

/// Errors collected from concurrent work.
final class Failures: @unchecked Sendable {
    // @unchecked: `list` is only touched under `lock`.
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.withLock { list.append(s) } }
    var all: [String] { lock.withLock { list } }
}
