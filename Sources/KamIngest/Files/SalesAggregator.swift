#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        /// The latest name's bytes in `names`, and the room its slot has (a longer name moves).
        var nameStart = 0
        var nameCount = 0
        var nameRoom = 0
    }

    /// Each slot: 0 when empty, else (entry index + 1) in the low 32 bits and the hash's high
    /// 32 bits above, so a probe rarely touches an entry that is not the one sought.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    private var names: [UInt8] = []

    private static func hash(_ id: UnsafeBufferPointer<UInt8>, month: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h = (h ^ UInt64(truncatingIfNeeded: month)) &* 0x0000_0100_0000_01B3
        return h ^ (h >> 29)
    }

    /// Adds one line; `name` is the raw name field, kept when this line is the latest. False
    /// (and nothing added) when the customer-month's sales or cost would overflow.
    @discardableResult
    mutating func add(id: UnsafeBufferPointer<UInt8>, month: Int, amount: Fen, cost: Fen, date: Int, sequence: Int,
                      name: UnsafeBufferPointer<UInt8>) -> Bool {
        let h = Self.hash(id, month: month)
        let tag = h & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        var index = -1
        let found: Int? = slots.withUnsafeBufferPointer { sl in
            entries.withUnsafeBufferPointer { en in
                arena.withUnsafeBufferPointer { a in
                    while true {
                        let v = sl[slot]
                        if v == 0 { return nil }
                        if v & 0xFFFF_FFFF_0000_0000 == tag {
                            let e = Int(v & 0xFFFF_FFFF) - 1
                            let entry = en[e]
                            if entry.month == month, entry.keyCount == id.count,
                               Self.equal(UnsafeBufferPointer(rebasing: a[entry.keyStart..<(entry.keyStart + entry.keyCount)]), id) {
                                return e
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found {
            index = found
        } else {
            index = entries.count
            entries.append(Entry(keyStart: arena.count, keyCount: id.count, month: month, hash: h))
            arena.append(contentsOf: id)
            slots[slot] = tag | UInt64(index + 1)
            if entries.count * 2 > slots.count { grow() }
        }
        return entries.withUnsafeMutableBufferPointer { en in
            guard let sales = en[index].sales.checkedAdding(amount), let sum = en[index].cost.checkedAdding(cost) else { return false }
            en[index].sales = sales
            en[index].cost = sum
            en[index].lines += 1
            if amount != 0 { en[index].nonZeroLines += 1 }
            // Sequence only grows, so "this line is at least as recent" is "its date is not earlier".
            if en[index].lines == 1 || date >= en[index].latestDate {
                en[index].latestDate = date
                en[index].latestSequence = sequence
                if name.count > en[index].nameRoom {
                    en[index].nameStart = names.count
                    en[index].nameRoom = name.count
                    names.append(contentsOf: name)
                } else {
                    let at = en[index].nameStart
                    names.withUnsafeMutableBufferPointer { nb in
                        for (k, byte) in name.enumerated() { nb[at + k] = byte }
                    }
                }
                en[index].nameCount = name.count
            }
            return true
        }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (i, e) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: e.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (e.hash & 0xFFFF_FFFF_0000_0000) | UInt64(i + 1)
        }
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// The sums as the store keeps them, and the same in the store's primary-key order (id
    /// bytes, then month): inserting in that order appends to the key's index, and sorting
    /// here on the raw bytes is cheaper than sorting `String`s on the storing thread.
    /// Fails only when two byte forms of one id merge into a sum that is not a `Fen`.
    func months() -> Result<(months: [SalesFile.Key: CustomerMonthFigures], ordered: [(key: SalesFile.Key, figures: CustomerMonthFigures)]), SumOverflow> {
        var out: [SalesFile.Key: CustomerMonthFigures] = Dictionary(minimumCapacity: entries.count)
        var made: [(key: SalesFile.Key, figures: CustomerMonthFigures)] = []
        made.reserveCapacity(entries.count)
        var merged = false
        var overflow: SumOverflow?
        let order: [Int] = arena.withUnsafeBufferPointer { a in
            // In first-seen order, as adding line by line would: which byte form of a merged
            // id the dictionary keeps depends on it.
            for e in entries {
                let id = String(decoding: UnsafeBufferPointer(rebasing: a[e.keyStart..<(e.keyStart + e.keyCount)]), as: UTF8.self)
                let name = String(decoding: names[e.nameStart..<(e.nameStart + e.nameCount)], as: UTF8.self).trimmingSpaces
                let figures = CustomerMonthFigures(
                    sales: e.sales, cost: e.cost, nonZeroLines: e.nonZeroLines, lines: e.lines, latestName: name,
                    latestNameRecency: LineRecency(date: e.latestDate, sequence: e.latestSequence))
                let key = SalesFile.Key(customerID: id, month: YearMonth(index: e.month))
                made.append((key, figures))
                // Two byte forms of one id (a precomposed and a decomposed é) are one String key:
                // merge them, as adding line by line to a String-keyed dictionary would.
                if let other = out[key] {
                    var sum = other.latestNameRecency >= figures.latestNameRecency ? other : figures
                    guard let sales = other.sales.checkedAdding(figures.sales), let cost = other.cost.checkedAdding(figures.cost) else {
                        overflow = overflow ?? .customerMonth(customerID: id, month: key.month)
                        continue
                    }
                    sum.sales = sales
                    sum.cost = cost
                    sum.lines = other.lines + figures.lines
                    sum.nonZeroLines = other.nonZeroLines + figures.nonZeroLines
                    out[key] = sum
                    merged = true
                } else {
                    out[key] = figures
                }
            }
            return entries.withUnsafeBufferPointer { en in
                Array(en.indices).sorted { i, j in
                    let x = en[i], y = en[j]
                    let common = min(x.keyCount, y.keyCount)
                    if common > 0, let base = a.baseAddress {
                        let c = memcmp(base + x.keyStart, base + y.keyStart, common)
                        if c != 0 { return c < 0 }
                    }
                    if x.keyCount != y.keyCount { return x.keyCount < y.keyCount }
                    return x.month < y.month
                }
            }
        }
        if let overflow { return .failure(overflow) }
        guard merged else { return .success((out, order.map { made[$0] })) }
        // Rare: list each merged key once, as the dictionary keeps it, with its summed figures.
        var seen: Set<SalesFile.Key> = []
        let ordered = order.compactMap { i -> (key: SalesFile.Key, figures: CustomerMonthFigures)? in
            guard seen.insert(made[i].key).inserted, let at = out.index(forKey: made[i].key) else { return nil }
            return (out[at].key, out[at].value)
        }
        return .success((out, ordered))
    }
}
