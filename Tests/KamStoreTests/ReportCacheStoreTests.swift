import Foundation
import Testing
@testable import KamStore

/// The store side of the report cache: an entry is returned only for exactly what it was
/// computed from, a recomputation replaces it, and old periods are pruned.
@Suite struct ReportCacheStoreTests {
    @Test func anEntryIsReturnedOnlyForWhatItWasComputedFrom() throws {
        let store = try KamStore()
        let payload = Data("{\"a\":1}".utf8)
        try store.cacheReport(kind: "sales", subsidiary: "HG01", period: "2026Q3", lastMonth: 100, computedFrom: "cfg|1,2", payload: payload)
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG01", period: "2026Q3", computedFrom: "cfg|1,2") == payload)
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG01", period: "2026Q3", computedFrom: "cfg|1,2,3") == nil)
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG01", period: "2026Q3", computedFrom: "other|1,2") == nil)
        #expect(try store.cachedReport(kind: "credit", subsidiary: "HG01", period: "2026Q3", computedFrom: "cfg|1,2") == nil)
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG02", period: "2026Q3", computedFrom: "cfg|1,2") == nil)

        // Recomputed from other files: the entry is replaced, the old one is gone.
        let newer = Data("{\"a\":2}".utf8)
        try store.cacheReport(kind: "sales", subsidiary: "HG01", period: "2026Q3", lastMonth: 100, computedFrom: "cfg|1,3", payload: newer)
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG01", period: "2026Q3", computedFrom: "cfg|1,2") == nil)
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG01", period: "2026Q3", computedFrom: "cfg|1,3") == newer)
    }

    @Test func periodsThatEndedBeforeTheCutAreForgotten() throws {
        let store = try KamStore()
        for (period, last) in [("2025Q2", 24_305), ("2025Q3", 24_308), ("2026-09", 24_320)] {
            try store.cacheReport(kind: "sales", subsidiary: "HG01", period: period, lastMonth: last, computedFrom: "x", payload: Data([1]))
        }
        try store.pruneReportCache(endedBefore: 24_308)
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG01", period: "2025Q2", computedFrom: "x") == nil)
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG01", period: "2025Q3", computedFrom: "x") == Data([1]))
        #expect(try store.cachedReport(kind: "sales", subsidiary: "HG01", period: "2026-09", computedFrom: "x") == Data([1]))
    }
}
