import Foundation

/// A progress line on stderr while a long file is read, only when stderr is a terminal (a
/// cron log should not fill with carriage returns). Nil when there is no terminal.
final class ProgressLine {
    let label: String
    private var shown = false
    private var lastUpdate = Date()

    init?(label: String) {
        guard isatty(2) == 1 else { return nil }
        self.label = label
    }

    /// Called with the number of records read so far.
    func update(_ records: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastUpdate) >= 0.5 else { return }
        lastUpdate = now
        shown = true
        FileHandle.standardError.write(Data("\r\(label): \(records) 行…".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
