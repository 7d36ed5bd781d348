import Foundation
import Testing
@testable import KamScheduler

/// Every file step that fails says which file and the system's reason (errno), never a
/// generic CocoaError (issue 21): the folders are made with mkdir(2), modes set with chmod(2).
@Suite struct SecureFilesTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kam-securefiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        return url
    }

    static func mode(_ url: URL) -> mode_t {
        var st = stat()
        return stat(url.path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    @Test func aFolderBelowAFileNamesThePathAndTheReason() throws {
        let base = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        try Data("x".utf8).write(to: base.appendingPathComponent("plain"))
        let target = base.appendingPathComponent("plain/2026Q3/HG01")
        do {
            try SecureFiles.makeFolder(target)
            Issue.record("made a folder below a file")
        } catch let error as FileStepError {
            #expect(error.description == "cannot create folder \(base.path)/plain: Not a directory")
            #expect(error.code == ENOTDIR)
        }
        do {
            try SecureFiles.publish(Data("receipt".utf8), to: target.appendingPathComponent("r.csv"))
            Issue.record("published below a file")
        } catch let error as FileStepError {
            #expect(error.description.hasPrefix("cannot create folder \(base.path)/plain: "), "\(error)")
        }
    }

    @Test func newFoldersAre0750AndFiles0640() throws {
        let base = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let deep = base.appendingPathComponent("reports/2026Q3/subsidiary")
        try SecureFiles.makeFolder(deep)
        try SecureFiles.makeFolder(deep)  // already there: fine
        #expect(Self.mode(deep) == 0o750)
        #expect(Self.mode(deep.deletingLastPathComponent()) == 0o750)
        let file = deep.appendingPathComponent("manifest.json")
        try SecureFiles.publish(Data("{}".utf8), to: file)
        #expect(Self.mode(file) == 0o640)
        #expect(try Data(contentsOf: file) == Data("{}".utf8))
        // A link to a folder is a folder to write into, as FileManager had it.
        let link = base.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: deep)
        try SecureFiles.makeFolder(link)
    }

    /// A batch of receipts published together: each lands complete under its name (0640, no
    /// temporary file left), and one that cannot be written is that file's error alone — the
    /// others are published, and the earlier version of the failed one is left as it was.
    @Test func publishAllPublishesEveryFileAndReportsOnlyTheOneThatFails() throws {
        let base = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let receipts = base.appendingPathComponent("HG01/receipts")
        try Data("blocker".utf8).write(to: base.appendingPathComponent("YY01"))
        let earlier = receipts.appendingPathComponent("b.csv.receipt.csv")
        try SecureFiles.publish(Data("old".utf8), to: earlier)
        let files: [(data: Data, url: URL)] = [
            (Data("a".utf8), receipts.appendingPathComponent("a.csv.receipt.csv")),
            (Data("new b".utf8), earlier),
            (Data("c".utf8), base.appendingPathComponent("YY01/receipts/c.csv.receipt.csv")),  // below a file
            (Data("d".utf8), receipts.appendingPathComponent("d.csv.receipt.csv")),
        ]
        let results = SecureFiles.publishAll(files)
        #expect(results.count == 4)
        #expect(results[0] == nil && results[1] == nil && results[3] == nil)
        let failure = try #require(results[2] as? FileStepError)
        #expect(failure.description == "cannot create folder \(base.path)/YY01: Not a directory")
        #expect(try Data(contentsOf: files[0].url) == Data("a".utf8))
        #expect(try Data(contentsOf: earlier) == Data("new b".utf8))
        #expect(try Data(contentsOf: files[3].url) == Data("d".utf8))
        #expect(Self.mode(files[3].url) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: receipts.path).sorted()
                == ["a.csv.receipt.csv", "b.csv.receipt.csv", "d.csv.receipt.csv"])
    }

    /// One syncfs per file system: folders on the same file system are synced by one call, and
    /// a folder that is not there is named in the error (the batch is then committed file by
    /// file, so only the files that need it are left for the next run).
    @Test func syncFileSystemsNamesTheFolderItCannotReach() throws {
        let base = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let a = base.appendingPathComponent("archive/ab"), b = base.appendingPathComponent("archive/cd")
        try SecureFiles.makeFolder(a)
        try SecureFiles.makeFolder(b)
        try SecureFiles.syncFileSystems(of: [a, b, a])
        let gone = base.appendingPathComponent("archive/ef")
        #expect(throws: FileStepError.self) { try SecureFiles.syncFileSystems(of: [a, gone]) }
        do {
            try SecureFiles.syncFileSystems(of: [gone])
        } catch let error as FileStepError {
            #expect(error.description == "cannot look at \(gone.path): No such file or directory")
        }
    }

    /// Leftovers of a killed run are found at any depth, by name only; a symbolic link to a
    /// folder is never walked into (what it points at is not kam's), and the receipts' walk
    /// (not recursive) stays at the top.
    @Test func staleTemporariesAreRemovedAtAnyDepthButNeverThroughALink() throws {
        let base = try Self.scratch(), outside = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: base); try? FileManager.default.removeItem(at: outside) }
        let files = [".a.xlsx.42.tmp", "2026Q3/.b.xlsx.7.tmp", "2026Q3/hq/.c.json.9.tmp", "2026Q3/hq/keep.xlsx",
                     "2026Q3/visible.tmp", ".incoming-42-3", "2026Q3/.incoming-1-1", "中文/.客户.xlsx.1.tmp"]
        for f in files {
            let url = base.appendingPathComponent(f)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("partial".utf8).write(to: url)
        }
        try Data("not kam's".utf8).write(to: outside.appendingPathComponent(".theirs.1.tmp"))
        try FileManager.default.createSymbolicLink(atPath: base.appendingPathComponent("linked").path, withDestinationPath: outside.path)

        let removed = SecureFiles.removeStaleTemporaries(under: base, alsoPrefixed: ".incoming-")
        #expect(removed == [".a.xlsx.42.tmp", ".incoming-42-3", "2026Q3/.b.xlsx.7.tmp", "2026Q3/.incoming-1-1",
                            "2026Q3/hq/.c.json.9.tmp", "中文/.客户.xlsx.1.tmp"])
        for f in ["2026Q3/hq/keep.xlsx", "2026Q3/visible.tmp"] {
            #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent(f).path), "\(f) kept")
        }
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent(".theirs.1.tmp").path), "not through the link")

        try Data("partial".utf8).write(to: base.appendingPathComponent(".top.1.tmp"))
        try Data("partial".utf8).write(to: base.appendingPathComponent("2026Q3/.deep.1.tmp"))
        #expect(SecureFiles.removeStaleTemporaries(under: base, recursive: false) == [".top.1.tmp"])
        #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent("2026Q3/.deep.1.tmp").path))
        #expect(SecureFiles.removeStaleTemporaries(under: base.appendingPathComponent("linked")).isEmpty, "a link is not a folder of kam's")
    }
}
