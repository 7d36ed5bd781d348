import NIOPosix

/// Where the portal's blocking work runs: SQLite reads and writes (which wait up to
/// `KamStore.busyTimeout` while a `kam run` commits), bcrypt (a quarter of a second by design),
/// reading an uploaded file. On NIO's event loops — one per core — a single such wait would stall
/// every other request on that loop; here it takes one of these threads instead.
enum BlockingWork {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
