import ArgumentParser
import Foundation
import KamConfig
import KamIngest
import KamPolicy

extension Kam {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a drop file by the same rules as ingest, store nothing, print its receipt (exit 0 accepted, 1 rejected).")

        @Argument(help: "The CSV file to check.")
        var file: String

        @Option(help: "The subsidiary whose settings (encoding, columns, max_bad_rows) apply (default: the file's folder name).")
        var subsidiary: String?

        @Option(help: "The kind (sales, receivables, customers, visits, approvals) (default: from the file name).")
        var kind: String?

        @Option(help: "The period, YYYY-MM or YYYYQn (default: from the file name).")
        var period: String?

        @Option(help: "The config file; when absent, default settings are used.")
        var config: String?

        /// The file is streamed — checksummed, then read by `CheckedFile.read(path:)` as the
        /// ingest reads it — so a 600 MB export is checked in the memory of a small one
        /// (reading it whole first took 1.25 GB, BENCHMARKS.md).
        func run() throws {
            let url = URL(fileURLWithPath: file)
            let sha256: String
            do {
                sha256 = try SHA256.hex(fileAt: file)
            } catch {
                throw ValidationError("cannot read \(file): \(String(cString: strerror(error.errno)))")
            }
            let owner = subsidiary ?? url.deletingLastPathComponent().lastPathComponent
            let settings = try readSettings(for: owner)
            let name = url.lastPathComponent
            let checked: CheckedFile
            do {
                checked = try DropFileCheck.check(path: file, fileName: name, kind: kind, period: period, settings: settings)
            } catch let choice as DropFileCheck.BadChoice {
                throw ValidationError(choice.description)
            } catch let failure as ByteSourceFailure {
                throw ValidationError("cannot read \(file): \(String(cString: strerror(failure.errno)))")
            }
            let accepted = checked.isAccepted(maxBadRows: settings.maxBadRows)
            let receipt = Receipt(subsidiary: owner, fileName: name, sha256: sha256, receivedAt: "-",
                                  accepted: accepted, file: checked)
            FileHandle.standardOutput.write(Data(receipt.csvBytes))
            if !accepted { throw ExitCode(1) }
        }

        /// The subsidiary's settings from config; defaults when there is no config to read.
        private func readSettings(for owner: String) throws -> ReadSettings {
            let path = config ?? "config/kam.yaml"
            guard config != nil || FileManager.default.fileExists(atPath: path) else { return ReadSettings() }
            do {
                let loaded = try KamConfiguration.load(path: path)
                if loaded.organisation.subsidiary(code: owner) == nil {
                    FileHandle.standardError.write(Data("kam: subsidiary `\(owner)` is not in \(path); using default settings\n".utf8))
                }
                return loaded.readSettings(for: owner)
            } catch {
                FileHandle.standardError.write(Data("kam: bad config: \(error)\n".utf8))
                throw ExitCode(ExitCodes.badConfig)
            }
        }
    }
}
