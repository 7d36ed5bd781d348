/// 跨公司客户 (SPEC §4.6; seed 003 第七条: a key account is worked by one unit): the legal customers
/// — one valid 统一社会信用代码 — that two or more subsidiaries keep a customer file for. Each
/// subsidiary knows its customers by its own customer_id; only the code joins them across the group.
public enum SharedCustomers {
    /// One subsidiary's file of a shared customer.
    public struct Entry: Sendable, Equatable {
        /// The code as the standard writes it (trimmed).
        public var creditCode: String
        public var subsidiaryCode: String
        public var customerID: String
        /// 客户名称 in that subsidiary's file.
        public var customerName: String
    }

    /// `files`: the identity fields of each subsidiary's latest `customers` snapshot (quarter end ≤
    /// Q; `KamStore.customerIdentities(of:)`), in config order.
    /// Only codes that pass the GB 32100 check count: a mistyped code identifies nobody (a code valid
    /// at one subsidiary and mistyped at another is not shared — the mistyped file is listed by that
    /// subsidiary's 信用代码校验错误 instead). One entry per (code, subsidiary); should a subsidiary file
    /// one code under two customer_ids, the first in code-point order stands for it. Codes found at
    /// two or more subsidiaries, by code then subsidiary code (both code-point order); the caller
    /// orders by the group's sales once it knows them (`ordered`).
    public static func find(in files: [(subsidiary: String, identities: [CustomerFileIdentity])]) -> [Entry] {
        // Almost every code is one subsidiary's: a first pass finds the codes seen at two, so the
        // entries (and a dictionary per code) are made only for those — the group's whole file
        // went through a dictionary of dictionaries before (BENCHMARKS.md, 2026-12-04 night).
        var firstSeenAt: [String: Int] = [:]
        var shared = Set<String>()
        for (index, file) in files.enumerated() {
            for record in file.identities {
                let code = record.creditCode.trimmedSpaces
                guard !code.isEmpty, UnifiedSocialCreditCode.isValid(code) else { continue }
                if let seen = firstSeenAt[code] {
                    if files[seen].subsidiary != file.subsidiary { shared.insert(code) }
                } else {
                    firstSeenAt[code] = index
                }
            }
        }
        guard !shared.isEmpty else { return [] }
        var byCode: [String: [String: Entry]] = [:]
        for (subsidiary, identities) in files {
            for record in identities {
                let code = record.creditCode.trimmedSpaces
                guard shared.contains(code) else { continue }
                let entry = Entry(creditCode: code, subsidiaryCode: subsidiary, customerID: record.customerID,
                                  customerName: record.customerName)
                if let kept = byCode[code]?[subsidiary], !CustomerIDOrder.precedes(record.customerID, kept.customerID) { continue }
                byCode[code, default: [:]][subsidiary] = entry
            }
        }
        return byCode.filter { $0.value.count >= 2 }
            .sorted { CustomerIDOrder.precedes($0.key, $1.key) }
            .flatMap { $0.value.values.sorted { CustomerIDOrder.precedes($0.subsidiaryCode, $1.subsidiaryCode) } }
    }

    /// SPEC §4.6's order: by the code's group-wide sales in Q descending (`groupSales(code)`), then
    /// code, then subsidiary code.
    public static func ordered(_ entries: [Entry], groupSales: (String) -> Fen) -> [Entry] {
        orderedIndices(entries, groupSales: groupSales).map { entries[$0] }
    }

    /// `ordered` as positions in `entries`, for a caller that orders rows made one per entry.
    /// Each entry's group sales are looked up once, not twice per comparison.
    public static func orderedIndices(_ entries: [Entry], groupSales: (String) -> Fen) -> [Int] {
        let sales = entries.map { groupSales($0.creditCode) }
        return entries.indices.sorted { i, j in
            let (x, y) = (entries[i], entries[j])
            if sales[i] != sales[j] { return sales[i] > sales[j] }
            if x.creditCode != y.creditCode { return CustomerIDOrder.precedes(x.creditCode, y.creditCode) }
            return CustomerIDOrder.precedes(x.subsidiaryCode, y.subsidiaryCode)
        }
    }
}
