// Raw SHA-256 throughput of kam's `SHA256` on one file, the way kam hashes: streamed from the
// file (`hex(fileAt:)`, drop files) and over bytes in memory (`hex(_:)`, workbooks, the
// config). Median of RUNS, each digest printed so runs can be compared (BENCHMARKS.md,
// issue 21). Compiled with `-D KAM_SHA256_BEFORE` together with the sources of the hand-written
// SHA-256 it also measures the code that issue 21 removed (the command is in BENCHMARKS.md).
//
//     swift build -c release --product SHA256Benchmark
//     head -c 268435456 /dev/urandom > /tmp/sha.bin
//     .build/release/SHA256Benchmark /tmp/sha.bin 3
import Foundation
#if !KAM_SHA256_BEFORE
import KamIngest
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: SHA256Benchmark FILE [RUNS]")
    exit(2)
}
let path = arguments[1]
let runs = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 3) : 3

func measure(_ label: String, bytes: Int, _ body: () throws -> String) rethrows {
    var seconds: [Double] = []
    var digest = ""
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        digest = try body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    seconds.sort()
    let median = seconds[seconds.count / 2]
    let rate = Double(bytes) / median / 1e6
    print("\(label): median \(String(format: "%.3f", median)) s of \(runs), \(String(format: "%.0f", rate)) MB/s  \(digest)")
}

let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
print("\(path): \(bytes.count) bytes")
#if KAM_SHA256_BEFORE
try measure("file, libcrypto via dlopen (hex(fileAt:))", bytes: bytes.count) { try SHA256.hex(fileAt: path) }
try measure("file, portable Swift (no libcrypto)", bytes: bytes.count) { try SHA256.hex(fileAt: path, preferSystem: false) }
measure("memory, portable Swift (hex(_:))", bytes: bytes.count) { SHA256.hex(bytes) }
#else
try measure("file, swift-crypto (hex(fileAt:))", bytes: bytes.count) { try SHA256.hex(fileAt: path) }
measure("memory, swift-crypto (hex(_:))", bytes: bytes.count) { SHA256.hex(bytes) }
#endif
