import SeededRandom

/// The name the ingest tests had for their own SplitMix64 copy before issue 21 made it one
/// (`SeededRandom.SplitMix64`): kept as an alias so fuzz tests written on branches that predate
/// it (HostileTextFuzzTests) compile once merged. New tests use `SplitMix64`.
typealias SplitMix = SplitMix64
