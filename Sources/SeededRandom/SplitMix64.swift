/// SplitMix64 (Steele, Lea and Flood; the seeding generator of `java.util.SplittableRandom`):
/// a tiny deterministic generator, so the same seed gives the same numbers on every machine —
/// the system generator is seeded randomly. The demo builds its workspaces from it (the same
/// options give the same bytes, which the benchmarks and the byte-identity checks rely on) and
/// the fuzz tests draw their inputs from it (a failing input is reproduced from its seed).
///
/// One copy, here, in a target with no dependencies that the demo and the test targets can all
/// import (issue 21: it had been written three times, one with mistyped constants).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (0 when n ≤ 1), by `next() % n`: the demo's data depend on this exact
    /// draw, so it is not `Int.random(in:using:)`, whose mapping is the standard library's.
    public mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// Uniform in [0, 1), from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// One of `items`, which must not be empty (the demo's fixed lists).
    public mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }
}
