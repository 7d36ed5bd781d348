import Foundation
import KamIngest

/// The bytes of the file an item carries, as they were when the item was queued: the current
/// file when it is unchanged, else the copy a later revision moved to `superseded/`.
enum ItemFile {
    static func bytes(of item: OutboxItem) throws(DeliveryError) -> Data? {
        guard let path = item.file else { return nil }
        var candidates = [path]
        if let aside = item.supersededFile { candidates.append(aside) }
        for candidate in candidates {
            guard let data = FileManager.default.contents(atPath: candidate) else { continue }
            if let sha = item.sha256, SHA256.hex([UInt8](data)) != sha { continue }
            return data
        }
        throw DeliveryError("\(path) (\(item.title)) is no longer there as it was delivered; "
                            + "`kam report` rebuilds a workbook, and `kam resend` sends the current one")
    }
}
