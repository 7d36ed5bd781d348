import Foundation
import HTTPTypes
import Hummingbird
import KamConfig
import KamIngest
import KamPolicy

/// 上传 (`GET /upload`, `POST /upload`): a subsidiary's user uploads a CSV for their own
/// subsidiary; it gets `kam validate`'s checks (`DropFileCheck`) at once and, when acceptable,
/// is placed into `drop/<S>/` by `DropPlacement`. A rejected file is not placed.
extension Portal {
    func uploadPage(_ request: Request, context: PortalContext) throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        guard let code = caller.scope.uploadSubsidiary else { return notFound(caller) }
        let kinds = InputKind.allCases.map { ["code": $0.rawValue, "name": $0.chineseName] }
        return html("upload", title: "上传", data: ["subsidiary": code, "csrf": caller.csrf ?? "", "kinds": kinds,
                                                   "maxMB": config.portal.maxUploadMB], caller: caller)
    }

    func upload(_ request: Request, context: PortalContext) async throws -> Response {
        guard let caller = context.caller else { return Self.unauthenticated(request) }
        let json = Self.wantsJSON(request)
        let address = Self.address(request, context)
        // Only a subsidiary's user uploads, and only into their own folder: any other target is
        // the same 404 as a subsidiary that does not exist.
        guard let code = caller.scope.uploadSubsidiary else {
            record(caller.user.name, "upload", "", address, "not found (no upload target in scope)")
            return notFound(caller, json: json)
        }
        if let wanted = request.uri.queryParameters["subsidiary"].map(String.init), wanted != code {
            record(caller.user.name, "upload", "subsidiary \(wanted)", address, "not found (outside scope)")
            return notFound(caller, json: json)
        }
        // A session's form must carry its CSRF token, checked before the body is read.
        if let csrf = caller.csrf {
            guard let sent = request.uri.queryParameters["csrf"].map(String.init), Secret.equal(sent, csrf) else {
                record(caller.user.name, "upload", "", address, "refused: missing or wrong CSRF token")
                return refusal("页面已过期，请刷新后重新上传。", status: .forbidden, caller: caller, json: json)
            }
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxUploadBytes {
            record(caller.user.name, "upload", "", address, "refused: \(length) bytes above max_upload_mb")
            return refusal("文件超过 \(config.portal.maxUploadMB) MB 上限。", status: .contentTooLarge, caller: caller, json: json)
        }
        guard let boundary = UploadReceiver.boundary(request.headers[.contentType]) else {
            return refusal("请用表单上传（multipart/form-data，字段 file）。", status: .badRequest, caller: caller, json: json)
        }
        let folder = config.dropFolder.appendingPathComponent(code)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            record(caller.user.name, "upload", "", address, "failed: cannot create drop/\(code): \(error)")
            return refusal("服务器无法写入报送目录，请联系管理员。", status: .internalServerError, caller: caller, json: json)
        }
        let receiver = UploadReceiver(folder: folder)
        defer { receiver.discard() }
        do {
            try await receiver.receive(request.body, boundary: boundary, limit: maxUploadBytes + 64 * 1024)
        } catch UploadReceiver.Failure.tooLarge {
            record(caller.user.name, "upload", "", address, "refused: above max_upload_mb")
            return refusal("文件超过 \(config.portal.maxUploadMB) MB 上限。", status: .contentTooLarge, caller: caller, json: json)
        } catch UploadReceiver.Failure.noFile {
            return refusal("没有收到文件（字段 file）。", status: .badRequest, caller: caller, json: json)
        } catch UploadReceiver.Failure.write(let e) {
            record(caller.user.name, "upload", "", address, "failed: \(String(cString: strerror(e)))")
            return refusal("服务器无法保存上传的文件，请联系管理员。", status: .internalServerError, caller: caller, json: json)
        } catch {
            return refusal("上传的内容不完整或格式不对，请重试。", status: .badRequest, caller: caller, json: json)
        }
        if receiver.fileBytes > maxUploadBytes {
            record(caller.user.name, "upload", "", address, "refused: above max_upload_mb")
            return refusal("文件超过 \(config.portal.maxUploadMB) MB 上限。", status: .contentTooLarge, caller: caller, json: json)
        }
        if let wanted = receiver.fields["subsidiary"], !wanted.isEmpty, wanted != code {
            record(caller.user.name, "upload", "subsidiary \(wanted)", address, "not found (outside scope)")
            return notFound(caller, json: json)
        }
        let upload = ReceivedUpload(temp: receiver.temp, folder: folder, subsidiary: code, name: Self.baseName(receiver.fileName ?? ""),
                                    kind: receiver.fields["kind"], period: receiver.fields["period"])
        // Reading the file (up to max_upload_mb), placing it and the access record: off the event loop.
        return try await BlockingWork.run { [self] in try judge(upload, caller: caller, address: address, json: json) }
    }

    /// What the receiver kept of an upload, for the blocking part.
    struct ReceivedUpload: Sendable {
        let temp: URL, folder: URL, subsidiary: String, name: String, kind: String?, period: String?
    }

    /// kam validate's checks; an acceptable file is placed, a rejected one is not.
    private func judge(_ upload: ReceivedUpload, caller: Caller, address: String, json: Bool) throws -> Response {
        let code = upload.subsidiary, name = upload.name, kind = upload.kind, period = upload.period
        let settings = config.readSettings(for: code)
        let checked: CheckedFile
        let sha: String
        do {
            sha = try SHA256.hex(fileAt: upload.temp.path)
            checked = try DropFileCheck.check(path: upload.temp.path, fileName: name, kind: kind, period: period, settings: settings)
        } catch let choice as DropFileCheck.BadChoice {
            return refusal(choice.description.replacingOccurrences(of: "--kind", with: "类型").replacingOccurrences(of: "--period", with: "期间"),
                           status: .badRequest, caller: caller, json: json)
        }
        let accepted = checked.isAccepted(maxBadRows: settings.maxBadRows)
        var placed: String?
        if accepted {
            // The name the ingest will read: the file's own when it names kind and period, else
            // `<kind>_<period>.csv` from the form's choice.
            let dropName = (kind?.isEmpty ?? true) && (period?.isEmpty ?? true) ? name
                : (checked.name.map { "\($0.kind.rawValue)_\($0.period).csv" } ?? name)
            do {
                placed = try DropPlacement.place(upload.temp, in: upload.folder, as: dropName)
            } catch {
                record(caller.user.name, "upload", name, address, "failed: \(error)")
                return refusal("服务器无法放入报送目录，请联系管理员。", status: .internalServerError, caller: caller, json: json)
            }
        }
        let receipt = Receipt(subsidiary: code, fileName: name, sha256: sha, receivedAt: clock.display(now()), accepted: accepted, file: checked)
        record(caller.user.name, "upload", placed.map { "drop/\(code)/\($0)" } ?? name, address,
               accepted ? "accepted" : "rejected (\(checked.check.problemCount) problems, not placed)")
        return receiptResponse(receipt, placedAs: placed, caller: caller, json: json)
    }

    /// The last path component of a browser's file name (some send `C:\fakepath\x.csv`), without control characters.
    static func baseName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        return clean.isEmpty || clean == "." || clean == ".." || clean.hasPrefix(".") ? "upload.csv" : String(clean.prefix(200))
    }

    func refusal(_ message: String, status: HTTPResponse.Status, caller: Caller, json: Bool) -> Response {
        if json { return Self.json(["error": message], status: status) }
        return html("receipt", title: "上传未完成", data: ["fileName": "—", "verdict": message, "verdictClass": "bad"], caller: caller, status: status)
    }

    func receiptResponse(_ r: Receipt, placedAs: String?, caller: Caller, json: Bool) -> Response {
        let check = r.file.check
        if json {
            var body: [String: Any] = [
                "accepted": r.accepted, "subsidiary": r.subsidiary, "file": r.fileName, "sha256": r.sha256,
                "encoding": check.encoding?.rawValue ?? NSNull(), "rows": check.acceptedRows, "bad_rows": check.badRows,
                "problem_count": check.problemCount, "warnings": check.warnings,
                "problems": check.diagnostics.map { ["line": $0.line, "column": $0.column, "value": $0.value, "reason": $0.reason] as [String: Any] },
            ]
            body["placed_as"] = placedAs.map { "drop/\(r.subsidiary)/\($0)" } ?? NSNull()
            if let n = r.file.name { body["kind"] = n.kind.rawValue; body["period"] = n.period.description }
            return Self.json(body, status: r.accepted ? .ok : .unprocessableContent)
        }
        var facts: [[String: String]] = [
            ["label": "分公司", "value": r.subsidiary], ["label": "文件", "value": r.fileName],
            ["label": "类型", "value": r.file.name.map { ScopeText.kind($0.kind) } ?? "-"],
            ["label": "期间", "value": r.file.name?.period.description ?? "-"],
            ["label": "编码", "value": check.encoding?.rawValue ?? "-"],
            ["label": "有效行数", "value": "\(check.acceptedRows)"], ["label": "错误行数", "value": "\(check.badRows)"],
        ]
        for total in r.file.totals where total.column != "cost" || r.file.hasCost {
            facts.append(["label": "\(total.chinese)合计（元）", "value": YuanText.of(total.fen, grouped: true)])
        }
        facts.append(["label": "SHA-256", "value": r.sha256])
        facts.append(["label": "接收时间", "value": r.receivedAt])
        for w in check.warnings { facts.append(["label": "警告", "value": w]) }
        let problems = check.diagnostics.map { ["line": "\($0.line)", "column": $0.column, "value": $0.value, "reason": $0.reason] }
        var data: [String: Any] = [
            "fileName": r.fileName, "verdict": r.accepted ? "已接收：检查通过" : "已退回：文件未放入报送目录，请按下列错误修改后重新上传",
            "verdictClass": r.accepted ? "ok" : "bad", "facts": facts, "problems": problems, "problemCount": check.problemCount, "hasProblems": !problems.isEmpty,
        ]
        if let placedAs { data["placedAs"] = "drop/\(r.subsidiary)/\(placedAs)" }
        return html("receipt", title: "回执", data: data, caller: caller, status: r.accepted ? .ok : .unprocessableContent)
    }
}
