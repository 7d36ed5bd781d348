import Foundation
import KamIngest
import KamStore

/// A drop entry kam could not handle in this run: listing, copying, reading, archiving or
/// answering it failed (SPEC §8: "One bad drop entry never stops the group"). The ingest turns
/// every such failure into one of these at one place (`DropIngestor.ingestAll`), so a kind of
/// failure nobody foresaw is isolated too: the run goes on with every other file and every
/// due workbook, the file is named in the run's output, the log and `kam status`, and it is
/// tried again by the next run (nothing was stored for it, and it stays in the drop folder).
struct DropProblem: Sendable, CustomStringConvertible {
    let subsidiary: String
    /// The file's name as a person reads it; empty when the whole folder could not be read.
    let fileName: String
    let reason: String

    var displayPath: String { fileName.isEmpty ? "\(subsidiary)/" : "\(subsidiary)/\(fileName)" }
    var description: String { "\(displayPath): \(reason)" }

    init(subsidiary: String, fileName: String, error: any Error) {
        self.subsidiary = subsidiary
        self.fileName = fileName
        let what = fileName.isEmpty ? "the drop folder" : "this file"
        reason = "\(Self.text(of: error)); \(what) is left as it is and tried again by the next run"
    }

    var record: DropProblemRecord { DropProblemRecord(subsidiary: subsidiary, fileName: fileName, reason: reason) }

    /// The failures a drop entry meets, in the operator's words with the system's reason.
    enum Cause: Error, CustomStringConvertible {
        /// A system call failed: which step, and errno.
        case system(operation: String, Int32)
        /// The subsidiary's `receipts` entry cannot take receipts (a link, a plain file).
        case receiptsUnusable(String)

        var description: String {
            switch self {
            case .system(let operation, let code): "cannot \(operation) it: \(String(cString: strerror(code)))"
            case .receiptsUnusable(let why): why
            }
        }
    }

    private static func text(of error: any Error) -> String {
        if let cause = error as? Cause { return cause.description }
        if let step = error as? FileStepError { return step.description }
        // Foundation's file errors: the path and the system's reason, not the NSError dump.
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            let path = (nsError.userInfo[NSFilePathErrorKey] as? String).map { " \($0)" } ?? ""
            if let underlying = nsError.userInfo[NSUnderlyingErrorKey].map({ ($0 as AnyObject) as? NSError }) ?? nil,
               underlying.domain == NSPOSIXErrorDomain {
                return "cannot write\(path): \(String(cString: strerror(Int32(underlying.code))))"
            }
            return "cannot write\(path): \(nsError.localizedDescription)"
        }
        return "\(error)"
    }
}

/// Whether a subsidiary's drop folder can take receipts (SPEC §8: kam never writes through a
/// symbolic link it did not make). Absent is fine: the first receipt creates the folder.
enum ReceiptsFolder {
    static func problem(in dropFolder: URL) -> DropProblem.Cause? {
        let url = dropFolder.appendingPathComponent("receipts")
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return nil
        case S_IFLNK:
            return .receiptsUnusable("cannot write its receipt: \(dropFolder.lastPathComponent)/receipts is a symbolic link, and kam never writes through links; remove the link (kam creates the folder)")
        default:
            return .receiptsUnusable("cannot write its receipt: \(dropFolder.lastPathComponent)/receipts is not a folder; rename or remove it (kam creates the folder)")
        }
    }
}
