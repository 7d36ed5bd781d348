/// Standard competition ranking (1, 2, 2, 4): tied values share the best rank and the next
/// rank skips. The policy ranks customers by sales this way so that a tie never hides anyone.
public enum CompetitionRanking {
    /// Ranks of `items` by `value` descending; the result is ordered by rank, ties by `tieBreak`
    /// ascending. Items with a value ≤ 0 are not ranked and are not returned.
    public static func rank<Item>(_ items: [Item], value: (Item) -> Fen,
                                  tieBreak: (Item, Item) -> Bool) -> [(rank: Int, item: Item)] {
        // Positions are sorted rather than the items (a report row is large to move), with the
        // position as the last key: the order a stable sort of the items gives.
        let values = items.map(value)
        let ranked = items.indices.filter { values[$0] > 0 }.sorted { a, b in
            if values[a] != values[b] { return values[a] > values[b] }
            if tieBreak(items[a], items[b]) { return true }
            if tieBreak(items[b], items[a]) { return false }
            return a < b
        }
        var result: [(rank: Int, item: Item)] = []
        result.reserveCapacity(ranked.count)
        for (offset, i) in ranked.enumerated() {
            if let last = result.last, value(last.item) == values[i] {
                result.append((last.rank, items[i]))
            } else {
                result.append((offset + 1, items[i]))
            }
        }
        return result
    }
}
