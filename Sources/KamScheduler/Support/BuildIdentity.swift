import Foundation

/// Which kam build is running, as cheaply as it can be told: the executable's size and
/// modification time. Figures cached by one build are never reused by another (a new build
/// may compute them differently), and any reinstall or rebuild changes this.
enum BuildIdentity {
    static let current: String = {
        let path = "/proc/self/exe"
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? CommandLine.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date else {
            // Unknown build: a fresh value per process, so nothing cached is ever reused.
            return "unknown-\(UUID().uuidString)"
        }
        return "\(target)|\(size.int64Value)|\(modified.timeIntervalSince1970)"
    }()
}
