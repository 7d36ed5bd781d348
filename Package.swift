// swift-tools-version:6.0
// kam: the key-account reporting pipeline. The targets follow the data flow:
// Ingest -> Store -> Policy -> Reports, driven by the Scheduler; `kam` only triggers it.
import PackageDescription

let package = Package(
    name: "kam",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kam", targets: ["kam"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 (issue 21). The range is hummingbird-auth 2.5.0's (1.0.0..<6.0.0) narrowed to the
        // listed 3.12.3 and 4.5.2, so the portal's HummingbirdOTP/Bcrypt can join without a conflict.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The portal (issue 19): HTTP server, bcrypt, mustache pages, multipart uploads.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        // HTTP field names and ByteBuffer, which the portal's responses use directly (Hummingbird's own dependencies).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The C library, reached through pkg-config; nothing outside XLSXWriter imports it.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // A `gmtime` with a buffer per thread, for libxlsxwriter's created time: workbooks can then
        // close in parallel (issue 15). Linked wherever XLSXWriter is.
        .target(name: "CThreadSafeTime"),
        // syncfs(2), which Swift's Glibc module does not declare: the ingest makes a batch of
        // drop files' archives and receipts durable with one call per file system (issue 15).
        .target(name: "CFileSystemSync"),
        // malloc_trim(3), which Swift's Glibc module does not declare: the ingest hands the pages
        // of its parsed files back before the workbooks are built (issue 15, peak RSS).
        .target(name: "CHeapTrim"),
        // A thin, domain-free Swift wrapper over libxlsxwriter.
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter", "CThreadSafeTime"]),
        // The policy's rules as pure functions: no I/O, no clock.
        .target(name: "KamPolicy"),
        // The seeded SplitMix64 generator: the demo's synthetic data and the fuzz tests' inputs,
        // reproducible from a seed on every machine (one copy, issue 21).
        .target(name: "SeededRandom"),
        // The YAML config file (SPEC §7), validated into policy values.
        // KamIngest for the read settings it validates and the config's SHA-256 fingerprint (it was
        // imported without being declared, and built only because of the build order).
        .target(name: "KamConfig", dependencies: ["KamPolicy", "KamIngest", .product(name: "Yams", package: "Yams")]),
        // Reading drop-folder CSVs into validated rows, with receipts.
        .target(name: "KamIngest", dependencies: ["KamPolicy", .product(name: "Crypto", package: "swift-crypto")]),
        // SQLite through GRDB: submissions, monthly aggregates, the run ledger.
        .target(name: "KamStore", dependencies: ["KamPolicy", "KamIngest", .product(name: "GRDB", package: "GRDB.swift"),
                                                // Raw binds for the bulk insert of sales aggregates (PITFALLS: ~2× GRDB's arguments).
                                                .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // Workbooks from policy results, and the xlsx receipt of a drop file (KamIngest's Receipt:
        // ingest stays free of the writer, the workbooks stay in one place).
        .target(name: "KamReports", dependencies: ["KamPolicy", "KamIngest", "XLSXWriter"]),
        // SPEC §9: who gets what, the outbox ledger, e-mail (MIME by hand, handed to a sendmail
        // command), outbox folders and group-chat webhooks. Called after a run's deliveries are committed.
        .target(name: "KamDelivery", dependencies: [
            "KamPolicy", "KamConfig", "KamStore", "KamIngest",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Due job instances, catch-up, the ledger: the engine behind `kam run` and the daemon.
        .target(name: "KamScheduler", dependencies: [
            "KamPolicy", "KamConfig", "KamIngest", "KamStore", "KamReports", "KamDelivery", "CFileSystemSync", "CHeapTrim",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Deterministic synthetic workspaces for demos, tests and benchmarks.
        .target(name: "KamDemo", dependencies: ["KamPolicy", "KamIngest", "SeededRandom"]),
        // SPEC §10: the web portal behind `kam serve`. Reads the same store, status and routing rule as the
        // CLI and delivery; uploads go through KamIngest's checks into drop/.
        .target(name: "KamPortal", dependencies: [
            "KamPolicy", "KamConfig", "KamIngest", "KamStore", "KamScheduler",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "kam", dependencies: [
            "KamPortal", "KamScheduler", "KamConfig", "KamDemo", "KamIngest", "KamPolicy", "KamStore", "KamDelivery",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // The wrapper's overhead against raw libxlsxwriter calls for the same cells (BENCHMARKS.md);
        // the one place besides XLSXWriter that imports the C module, to have something to compare.
        .executableTarget(name: "XLSXWriterBenchmark", dependencies: ["XLSXWriter", "CXLSXWriter"]),
        // Raw SHA-256 throughput of kam's `SHA256` on a file (BENCHMARKS.md, issue 21).
        .executableTarget(name: "SHA256Benchmark", dependencies: ["KamIngest"]),
        .testTarget(name: "KamPolicyTests", dependencies: ["KamPolicy"]),
        .testTarget(name: "KamConfigTests", dependencies: ["KamConfig", "KamPolicy", "SeededRandom"]),
        .testTarget(name: "KamDeliveryTests", dependencies: ["KamDelivery", "KamConfig", "KamPolicy", "KamStore"],
                    exclude: ["webhook_receiver.py"]),
        .testTarget(name: "KamIngestTests", dependencies: ["KamIngest", "KamPolicy", "SeededRandom"], exclude: ["Fixtures"]),
        .testTarget(name: "KamStoreTests", dependencies: ["KamStore", "KamIngest", "KamPolicy",
                                                        .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter"], exclude: ["check_xml_safety.py"]),
        // The scheduler's own pieces without a run: the zoned clock, the file steps' errors, the
        // run's stages (plan, resolve, the shared loads) on an in-memory store.
        .testTarget(name: "KamSchedulerTests", dependencies: ["KamScheduler", "KamPolicy", "KamConfig", "KamIngest", "KamStore",
                                                            .product(name: "Logging", package: "swift-log")]),
        // Every workbook written from hand-built policy values, read back by openpyxl.
        .testTarget(name: "KamReportsTests", dependencies: ["KamReports", "KamPolicy", "KamIngest"],
                    exclude: ["check_credit_workbooks.py", "check_consolidated.py", "check_presentation.py",
                              "check_xml_safe_workbook.py"]),
        // The portal's access matrix and security cases at the HTTP level (HummingbirdTesting).
        .testTarget(name: "KamPortalTests", dependencies: [
            "KamPortal", "KamConfig", "KamStore", "KamPolicy", "KamIngest",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .testTarget(name: "KamEndToEndTests", dependencies: ["kam"],
                    exclude: ["check_sales_report.py", "check_demo_workbooks.py", "smtp_sink.py", "read_mail.py", "portal_browser.py"],
                    resources: [.copy("Fixtures")]),
    ]
)
