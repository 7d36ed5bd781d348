/// Customer ids are ordered by Unicode code point (SPEC §8), not by locale or by Swift's
/// canonical-equivalence `<`. UTF-8 byte order is code-point order.
public enum CustomerIDOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
