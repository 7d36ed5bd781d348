import ArgumentParser
import Foundation
import KamScheduler

extension Kam {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the store (SQLite online backup, safe during a run) and the archive of received files to DIR.",
            discussion: """
                Restore: stop kam (the daemon or timer), remove kam.sqlite-wal and kam.sqlite-shm from the \
                data folder (paths.data, default var/) if present, then copy DIR/kam.sqlite there as \
                kam.sqlite with mode 0600, and DIR/archive/ to var/archive/. \
                The next `kam run` continues from the restored ledger.
                """)

        @Argument(help: "The backup folder (created 0750 if missing).")
        var directory: String

        @Option(name: .long, help: "The config file (SPEC §7).")
        var config = "config/kam.yaml"

        func run() throws {
            let configuration = try loadConfigOrExit(path: config)
            let result = try WorkspaceBackup(config: configuration).write(to: URL(fileURLWithPath: directory))
            print("store: \(result.storePath)")
            print("archive: \(result.archivedFilesCopied) new of \(result.archivedFilesTotal) file(s)")
        }
    }
}
