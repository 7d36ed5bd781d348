/// Standard competition ranking (1, 2, 2, 4): tied values share the best rank and the next
/// rank skips. The policy ranks customers by sales this way so that a tie never hides anyone.
public enum CompetitionRanking {
    /// Ranks of `items` by `value` descending; the result is ordered by rank, ties by `tieBreak`
    /// ascending. Items with a value ≤ 0 are not ranked and are not returned.
    public static func rank<Item>(_ items: [Item], value: (Item) -> Fen,
                                  tieBreak: (Item, Item) -> Bool) -> [(rank: Int, item: Item)] {
        let ranked = items.filter { value($0) > 0 }.sorted { a, b in
            let va = value(a), vb = value(b)
            return va != vb ? va > vb : tieBreak(a, b)
        }
        var result: [(rank: Int, item: Item)] = []
        result.reserveCapacity(ranked.count)
        for (offset, item) in ranked.enumerated() {
            if let last = result.last, value(last.item) == value(item) {
                result.append((last.rank, item))
            } else {
                result.append((offset + 1, item))
            }
        }
        return result
    }
}
