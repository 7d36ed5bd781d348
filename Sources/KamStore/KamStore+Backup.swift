import Foundation
import GRDB

extension KamStore {
    /// A consistent copy of the whole store at `path`, through SQLite's online backup: safe
    /// while a run is writing (the copy is of one committed state). The copy is 0600, like
    /// the store: it holds the same confidential data.
    public func backup(to path: String) throws {
        let fm = FileManager.default
        let temp = path + ".partial"
        try? fm.removeItem(atPath: temp)
        do {
            let destination = try DatabaseQueue(path: temp)
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temp)
            try db.backup(to: destination)
            try destination.close()
            try? fm.removeItem(atPath: path)
            try fm.moveItem(atPath: temp, toPath: path)
        } catch {
            try? fm.removeItem(atPath: temp)
            throw error
        }
    }
}
