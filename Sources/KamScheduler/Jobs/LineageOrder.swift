import KamPolicy
import KamStore

/// The order a workbook lists the files it was built from, in its 数据来源 sheet and in its
/// `inputs` in the period's manifest: by subsidiary in config order (a subsidiary no longer in
/// the config after them, by code), then file name in byte order, then received time, then id.
///
/// It is the order an undisturbed ingest stores files in (`DropIngestor.ingestAll` walks the
/// subsidiaries in config order and each drop folder by name bytes), so a workspace whose files
/// came in one ingest lists them exactly as when the lineage was in id order. It does not
/// depend on when a file was stored: the id order did, and a disk-full ingest that stored some
/// files in one run and the rest in the next listed the same files in another order, so the
/// recovered workbook, its manifest and the delivered SHA-256 differed from an undisturbed
/// run's (docs/DECISIONS.md). A late file is listed in its subsidiary's place.
///
/// Only the listing follows this order: the ledger's input key (`RevisionReason.key`) stays
/// the ascending ids that revision decisions compare.
struct LineageOrder: Sendable {
    /// Each configured subsidiary's place in the config.
    private let place: [String: Int]

    init(_ organisation: Organisation) {
        var place: [String: Int] = [:]
        for (i, s) in organisation.subsidiaries.enumerated() where place[s.code] == nil { place[s.code] = i }
        self.place = place
    }

    func sorted(_ files: [Submission]) -> [Submission] { files.sorted(by: precedes) }

    func precedes(_ a: Submission, _ b: Submission) -> Bool {
        if let before = Self.byteOrder(a.subsidiary, b.subsidiary) {
            switch (place[a.subsidiary], place[b.subsidiary]) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return before
            }
        }
        if let before = Self.byteOrder(a.fileName, b.fileName) { return before }
        if a.receivedAt != b.receivedAt { return a.receivedAt < b.receivedAt }
        return (a.id ?? 0) < (b.id ?? 0)
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s, nil when they are the same bytes. Bytes, not
    /// `String`'s `<`, which compares canonical equivalents as equal and orders by Unicode
    /// normalisation rather than the drop listing's byte order. (The stored name is the decoded
    /// one; a GB18030 name's raw bytes sort differently only after `<kind>_<period>`, and two
    /// files read for one workbook never share those.)
    static func byteOrder(_ a: String, _ b: String) -> Bool? {
        var x = a.utf8.makeIterator(), y = b.utf8.makeIterator()
        while true {
            switch (x.next(), y.next()) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case let (p?, q?): if p != q { return p < q }
            }
        }
    }
}
