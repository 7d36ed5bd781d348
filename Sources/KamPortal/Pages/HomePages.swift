import Foundation
import Hummingbird
import KamConfig
import KamPolicy
import KamScheduler
import KamStore

/// 首页, 报表, 回执, 管理 and `/api/status`.
extension Portal {
    func home(_ request: Request, context: PortalContext) throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        let matrix = SubmissionMatrix(config: config, submissions: try store.allSubmissions(), clock: clock)
        let files = try deliveredFiles()
        if case .member(.subsidiary(let code)) = caller.scope {
            let cells = (matrix.last + matrix.next).filter { $0.subsidiary == code }.map(cellRow)
            let data: [String: Any] = [
                "subsidiaryName": config.organisation.subsidiary(code: code).map { "\($0.code) \($0.name)" } ?? code,
                "cells": cells,
                "receipts": try visibleSubmissions(caller, limit: 10).map(receiptRow),
                "workbooks": visibleWorkbooks(caller, files: files).filter { $0.kind == .current }.prefix(10).map(workbookRow),
            ]
            return html("homeSubsidiary", title: "首页", data: data, caller: caller)
        }
        let subs = visibleSubsidiaries(caller)
        let codes = Set(subs.map(\.code))
        let matrices = [matrixTable(title: "上一截止时间的报送情况", cells: matrix.last.filter { codes.contains($0.subsidiary) }, subsidiaries: subs),
                        matrixTable(title: "下一截止时间的报送情况", cells: matrix.next.filter { codes.contains($0.subsidiary) }, subsidiaries: subs)]
            .compactMap { $0 }
        let runs = try store.recentRuns(limit: 5).map { r -> [String: Any] in
            ["id": r.id ?? 0, "started": clock.display(r.startedAt), "asOf": r.asOf.replacingOccurrences(of: "T", with: " "),
             "accepted": r.acceptedFiles, "rejected": r.rejectedFiles, "delivered": r.delivered, "failed": r.failed,
             "finished": r.finishedAt.map { clock.display($0) } ?? "进行中或未完成"]
        }
        let failures = try store.openFailures().filter { failureVisible($0, caller) }.map(failureRow)
        let data: [String: Any] = ["heading": "\(ScopeText.label(caller.scope)) 首页", "matrices": matrices, "runs": runs, "failures": failures,
                                   "hasFailures": !failures.isEmpty, "credit": try creditRows(subs)]
        return html("homeGroup", title: "首页", data: data, caller: caller)
    }

    /// 超限 counts per subsidiary (SPEC §10): from each subsidiary's latest delivered 客户资信报表,
    /// the counts its own 概览 states (`CreditCountsRecord` in the ledger); blank when its
    /// receivables were missing or no report was delivered yet.
    func creditRows(_ subsidiaries: [Subsidiary]) throws -> [[String: Any]] {
        let reports = try store.currentDeliveries().filter { $0.job == JobKind.creditReport.rawValue }
        return subsidiaries.map { sub in
            let latest = reports.filter { $0.owner == sub.code }.max { $0.period.description < $1.period.description }
            var row: [String: Any] = ["subsidiary": "\(sub.code) \(sub.name)", "period": latest?.period.description ?? "—"]
            if let latest, let counts = CreditCountsRecord.decode(latest.figures), !counts.receivablesMissing {
                row["overLimit"] = counts.overLimit
                row["warning"] = counts.warning
                row["noLimit"] = counts.noLimit
                row["overTone"] = counts.overLimit > 0 ? "missing" : ""
            } else {
                row["note"] = latest == nil ? "尚无报表" : "未报送应收账款"
            }
            return row
        }
    }

    /// A failed instance names a job and owner, no figures; shown to those who may see its owner's workbooks.
    func failureVisible(_ f: JobFailure, _ caller: Caller) -> Bool {
        if caller.scope == .admin || caller.scope == .member(.operator) { return true }
        let d = Delivery(job: f.job, owner: f.owner, period: f.period, revision: 0, fireTime: "", path: "", sha256: "", inputs: "",
                         reason: "", deliveredAt: 0)
        return Visibility.mayView(DeliveredFiles.owner(of: d, organisation: config.organisation), as: caller.scope.dataScope)
    }

    func failureRow(_ f: JobFailure) -> [String: Any] { ["job": f.job, "owner": f.owner, "period": f.period.description, "error": f.error] }

    func reportsPage(_ request: Request, context: PortalContext) throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        let files = try deliveredFiles()
        let manifests: [[String: Any]] = Visibility.mayViewManifest(as: caller.scope.dataScope)
            ? files.byPath.values.filter { $0.kind == .manifest }.map(\.path).sorted(by: >).map { ["path": $0, "href": Self.href("/reports/", $0)] }
            : []
        return html("reports", title: "报表", data: ["workbooks": visibleWorkbooks(caller, files: files).map(workbookRow), "manifests": manifests,
                                                    "hasManifests": !manifests.isEmpty],
                    caller: caller)
    }

    /// `GET /reports/<path below reports/>`: the path is looked up in the ledger's map; the file
    /// served is the ledger's, and anything unknown or out of scope is the same 404.
    func reportFile(_ request: Request, context: PortalContext) throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        let address = Self.address(request, context)
        let raw = String(request.uri.path.dropFirst("/reports/".count))
        guard let path = raw.removingPercentEncoding, !path.isEmpty, let file = try deliveredFiles().byPath[path] else {
            record(caller.user.name, "download", "reports/\(raw)", address, "not found")
            return notFound(caller)
        }
        let allowed = file.owner.map { Visibility.mayView($0, as: caller.scope.dataScope) } ?? Visibility.mayViewManifest(as: caller.scope.dataScope)
        guard allowed else {
            record(caller.user.name, "download", "reports/\(path)", address, "not found (outside scope)")
            return notFound(caller)
        }
        guard let bytes = Self.readRegularFile(config.reportsFolder.appendingPathComponent(file.path)) else {
            record(caller.user.name, "download", "reports/\(path)", address, "not found (file missing)")
            return notFound(caller)
        }
        record(caller.user.name, "download", "reports/\(path)", address, "ok")
        let type = file.kind == .manifest ? "application/json"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return Self.download(bytes, name: (file.path as NSString).lastPathComponent, contentType: type)
    }

    func receiptsPage(_ request: Request, context: PortalContext) throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        return html("receipts", title: "回执", data: ["receipts": try visibleSubmissions(caller, limit: 200).map(receiptRow)], caller: caller)
    }

    /// `GET /receipts/<S>/<receipt name>`: only a receipt the store recorded for S.
    func receiptFile(_ request: Request, context: PortalContext) throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        let address = Self.address(request, context)
        let raw = String(request.uri.path.dropFirst("/receipts/".count))
        let parts = raw.split(separator: "/", omittingEmptySubsequences: false).map { String($0).removingPercentEncoding }
        guard parts.count == 2, let code = parts[0], let name = parts[1], !code.isEmpty, !name.isEmpty,
              !name.contains("/"), !code.contains("/"), maySeeSubsidiary(code, caller),
              let submission = try store.submission(receiptPath: "\(code)/receipts/\(name)"), submission.subsidiary == code,
              let bytes = Self.readRegularFile(config.dropFolder.appendingPathComponent(submission.receiptPath))
        else {
            record(caller.user.name, "download", "receipts/\(raw)", address, "not found")
            return notFound(caller)
        }
        record(caller.user.name, "download", "receipts/\(code)/\(name)", address, "ok")
        return Self.download(bytes, name: name, contentType: "text/csv; charset=utf-8")
    }

    func adminPage(_ request: Request, context: PortalContext) throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        guard caller.scope.isAdmin else { return notFound(caller) }
        let users = try store.users().map { u -> [String: Any] in
            ["name": u.name, "scope": u.scope, "email": u.email, "state": u.disabled ? "已停用" : "有效"]
        }
        let access = try store.accessRecords(limit: 200).map { a -> [String: Any] in
            ["at": clock.display(a.at), "user": a.userName, "action": a.action, "what": a.what, "address": a.address, "outcome": a.outcome]
        }
        return html("admin", title: "管理", data: ["users": users, "failures": try store.openFailures().map(failureRow), "access": access],
                    caller: caller)
    }

    /// `GET /api/status`: the submission matrix and the latest run, for the caller's scope.
    func apiStatus(_ request: Request, context: PortalContext) throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        let matrix = SubmissionMatrix(config: config, submissions: try store.allSubmissions(), clock: clock)
        func cells(_ list: [SubmissionMatrix.Cell]) -> [[String: Any]] {
            list.filter { maySeeSubsidiary($0.subsidiary, caller) }.map {
                ["subsidiary": $0.subsidiary, "kind": $0.kind.rawValue, "period": $0.period.description,
                 "due_by": $0.dueBy.description, "status": $0.label, "tone": $0.tone]
            }
        }
        var body: [String: Any] = ["user": caller.user.name, "scope": caller.scope.description,
                                   "last": cells(matrix.last), "next": cells(matrix.next)]
        if let run = try store.recentRuns(limit: 1).first {
            body["latest_run"] = ["id": run.id ?? 0, "started_at": run.startedAt, "finished_at": run.finishedAt ?? NSNull(),
                                  "as_of": run.asOf, "accepted": run.acceptedFiles, "rejected": run.rejectedFiles,
                                  "delivered": run.delivered, "failed": run.failed] as [String: Any]
        } else {
            body["latest_run"] = NSNull()
        }
        return Self.json(body)
    }
}
