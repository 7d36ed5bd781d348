import Foundation
import KamConfig
import KamPolicy
import KamScheduler
import KamStore

/// What pages list, always filtered by `Visibility` for the caller — the one rule delivery asks too.
extension Portal {
    var clock: ZonedClock { ZonedClock(timeZone: config.timeZone, now: now()) }

    func deliveredFiles() throws -> DeliveredFiles {
        DeliveredFiles(deliveries: try store.allDeliveries(), organisation: config.organisation)
    }

    func visibleWorkbooks(_ caller: Caller, files: DeliveredFiles) -> [DeliveredFiles.File] {
        files.workbooks.filter { $0.owner.map { Visibility.mayView($0, as: caller.scope.dataScope) } ?? false }
    }

    func maySeeSubsidiary(_ code: String, _ caller: Caller) -> Bool {
        Visibility.mayViewReceipt(ofSubsidiary: code, line: config.organisation.subsidiary(code: code)?.lineCode,
                                  as: caller.scope.dataScope)
    }

    func visibleSubmissions(_ caller: Caller, limit: Int) throws -> [Submission] {
        if case .member(.subsidiary(let code)) = caller.scope { return try store.recentSubmissions(subsidiary: code, limit: limit) }
        return try store.recentSubmissions(subsidiary: nil, limit: limit * 4).filter { maySeeSubsidiary($0.subsidiary, caller) }
            .prefix(limit).map { $0 }
    }

    static func href(_ prefix: String, _ path: String) -> String {
        prefix + path.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
        }.joined(separator: "/")
    }

    func workbookRow(_ f: DeliveredFiles.File) -> [String: Any] {
        let d = f.delivery
        return ["period": d?.period.description ?? "", "name": (f.path as NSString).lastPathComponent, "href": Self.href("/reports/", f.path),
                "revision": d?.revision ?? 0, "state": f.kind == .current ? "当前" : "已被取代", "reason": d?.reason ?? "",
                "deliveredAt": d.map { clock.display($0.deliveredAt) } ?? "", "sha256": d?.sha256 ?? ""]
    }

    func receiptRow(_ s: Submission) -> [String: Any] {
        let accepted = s.status == .accepted
        var row: [String: Any] = ["subsidiary": s.subsidiary, "fileName": s.fileName, "period": s.period?.description ?? "",
                                  "receivedAt": clock.display(s.receivedAt), "result": accepted ? "已接收" : "已退回（\(s.problemCount) 处问题）",
                                  "resultClass": accepted ? "ok" : "bad", "rows": s.rowCount]
        if !s.receiptPath.isEmpty { row["href"] = Self.href("/receipts/", s.receiptPath.replacingOccurrences(of: "/receipts/", with: "/")) }
        return row
    }

    func cellRow(_ c: SubmissionMatrix.Cell) -> [String: Any] {
        ["subsidiary": c.subsidiary, "kind": ScopeText.kind(c.kind), "period": c.period.description,
         "dueBy": ScopeText.dateTime(c.dueBy), "label": c.label, "tone": c.tone]
    }

    /// The matrix for the subsidiaries the caller may see: rows are subsidiaries, columns the
    /// expected inputs of the last (or next) fire time.
    func matrixTable(title: String, cells: [SubmissionMatrix.Cell], subsidiaries: [Subsidiary]) -> [String: Any]? {
        var columns: [String] = []
        var key: [String: String] = [:]
        for c in cells {
            let column = "\(c.kind.chineseName) \(c.period)（截止 \(ScopeText.dateTime(c.dueBy))）"
            if !columns.contains(column) { columns.append(column) }
            key["\(c.subsidiary)|\(column)"] = "\(c.label)|\(c.tone)"
        }
        guard !columns.isEmpty else { return nil }
        let rows: [[String: Any]] = subsidiaries.compactMap { sub in
            let cellsOfRow: [[String: Any]] = columns.map { column in
                guard let v = key["\(sub.code)|\(column)"] else { return ["label": "—", "tone": ""] }
                let parts = v.split(separator: "|").map(String.init)
                return ["label": parts[0], "tone": parts.count > 1 ? parts[1] : ""]
            }
            return ["subsidiary": "\(sub.code) \(sub.name)", "cells": cellsOfRow]
        }
        return ["title": title, "columns": columns, "rows": rows]
    }

    func visibleSubsidiaries(_ caller: Caller) -> [Subsidiary] {
        config.organisation.subsidiaries.filter { maySeeSubsidiary($0.code, caller) }
    }
}
