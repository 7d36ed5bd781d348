import KamPolicy

/// Customer × month sums for the streaming sales reader, keyed on the id's raw bytes: an
/// open-addressing table whose keys live in one byte arena, so a line costs a hash and a
/// compare, and a `String` is made once per distinct key, at the end. The latest name per
/// key is kept as bytes and decoded at the end too.
struct SalesAggregator {
    private struct Entry {
        var keyStart: Int
        var keyCount: Int
        var month: Int
        var hash: UInt64
        var sales: Fen = 0
        var cost: Fen = 0
        var nonZeroLines = 0
        var lines = 0
        var latestDate = 0
        var latestSequence = 0
    }

    private var slots = [Int32](repeating: -1, count: 1 << 12)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    private var names: [[UInt8]] = []

    private static func hash(_ id: UnsafeBufferPointer<UInt8>, month: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h = (h ^ UInt64(truncatingIfNeeded: month)) &* 0x0000_0100_0000_01B3
        return h ^ (h >> 29)
    }

    /// Adds one line; `name` is the raw name field, kept when this line is the latest.
    mutating func add(id: UnsafeBufferPointer<UInt8>, month: Int, amount: Fen, cost: Fen, date: Int, sequence: Int,
                      name: UnsafeBufferPointer<UInt8>) {
        let h = Self.hash(id, month: month)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        var index = -1
        while true {
            let e = Int(slots[slot])
            if e < 0 { break }
            let entry = entries[e]
            if entry.hash == h, entry.month == month, entry.keyCount == id.count,
               arena.withUnsafeBufferPointer({ a in
                   memoryEqual(UnsafeBufferPointer(rebasing: a[entry.keyStart..<(entry.keyStart + entry.keyCount)]), id)
               }) {
                index = e
                break
            }
            slot = (slot + 1) & mask
        }
        if index < 0 {
            index = entries.count
            entries.append(Entry(keyStart: arena.count, keyCount: id.count, month: month, hash: h))
            arena.append(contentsOf: id)
            names.append([])
            slots[slot] = Int32(index)
            if entries.count * 2 > slots.count { grow() }
        }
        entries[index].sales += amount
        entries[index].cost += cost
        entries[index].lines += 1
        if amount != 0 { entries[index].nonZeroLines += 1 }
        // Sequence only grows, so "this line is at least as recent" is "its date is not earlier".
        if entries[index].lines == 1 || date >= entries[index].latestDate {
            entries[index].latestDate = date
            entries[index].latestSequence = sequence
            names[index].removeAll(keepingCapacity: true)
            names[index].append(contentsOf: name)
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (i, e) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: e.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i)
        }
    }

    private func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// The sums as the store keeps them.
    func months() -> [SalesFile.Key: CustomerMonthFigures] {
        var out: [SalesFile.Key: CustomerMonthFigures] = Dictionary(minimumCapacity: entries.count)
        arena.withUnsafeBufferPointer { a in
            for (i, e) in entries.enumerated() {
                let id = String(decoding: UnsafeBufferPointer(rebasing: a[e.keyStart..<(e.keyStart + e.keyCount)]), as: UTF8.self)
                let name = String(decoding: names[i], as: UTF8.self).trimmingSpaces
                let figures = CustomerMonthFigures(
                    sales: e.sales, cost: e.cost, nonZeroLines: e.nonZeroLines, lines: e.lines, latestName: name,
                    latestNameRecency: LineRecency(date: e.latestDate, sequence: e.latestSequence))
                let key = SalesFile.Key(customerID: id, month: YearMonth(index: e.month))
                // Two byte forms of one id (a precomposed and a decomposed é) are one String key:
                // merge them, as adding line by line to a String-keyed dictionary would.
                if let other = out[key] {
                    var merged = other.latestNameRecency >= figures.latestNameRecency ? other : figures
                    merged.sales = other.sales + figures.sales
                    merged.cost = other.cost + figures.cost
                    merged.lines = other.lines + figures.lines
                    merged.nonZeroLines = other.nonZeroLines + figures.nonZeroLines
                    out[key] = merged
                } else {
                    out[key] = figures
                }
            }
        }
        return out
    }
}
