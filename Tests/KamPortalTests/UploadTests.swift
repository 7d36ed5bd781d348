import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import KamPortal

/// 上传: kam validate's checks at once, the receipt on the page, placement without overwriting,
/// the size limit before the body is read whole, and encodings shown as written.
@Suite struct UploadTests {
    static let good = "date,customer_id,customer_name,amount\n2026-09-01,C001,华东甲公司,1234.50\n"

    func post(_ client: some TestClientProtocol, _ s: (cookie: String, csrf: String), name: String, bytes: [UInt8],
              fields: [String: String] = [:], accept: String? = nil) async throws -> TestResponse {
        let form = multipart(file: name, bytes: bytes, fields: fields)
        var h = headers([(.cookie, s.cookie), (.contentType, form.contentType)])
        if let accept { h.append(HTTPField(name: .accept, value: accept)) }
        return try await client.execute(uri: "/upload?csrf=\(s.csrf)", method: .post, headers: h, body: form.body)
    }

    @Test func anAcceptedFileIsPlacedAndItsReceiptShown() async throws {
        let ws = try PortalWorkspace()
        let s = try ws.session("yy01")
        try await ws.app.test(.router) { client in
            let r = try await post(client, s, name: "sales_2026-09.csv", bytes: Array(Self.good.utf8))
            let page = String(buffer: r.body)
            #expect(r.status == .ok)
            #expect(page.contains("已接收") && page.contains("1,234.50") && page.contains("drop/YY01/sales_2026-09.csv"))
        }
        #expect(ws.dropFiles("YY01") == ["sales_2026-09.csv"])
        let placed = try String(contentsOf: ws.config.dropFolder.appendingPathComponent("YY01/sales_2026-09.csv"), encoding: .utf8)
        #expect(placed == Self.good)
        #expect(try ws.store.accessRecords(limit: 5).contains { $0.action == "upload" && $0.outcome == "accepted" && $0.what == "drop/YY01/sales_2026-09.csv" })
    }

    @Test func aRejectedFileIsNotPlacedAndEveryErrorIsOnThePageEscaped() async throws {
        let ws = try PortalWorkspace()
        let s = try ws.session("yy01")
        let bad = "date,customer_id,customer_name,amount\n2026-09-01,C001,<script>alert(1)</script>,abc\n2026-08-01,C002,乙,5\n"
        try await ws.app.test(.router) { client in
            let r = try await post(client, s, name: "sales_2026-09.csv", bytes: Array(bad.utf8))
            let page = String(buffer: r.body)
            #expect(r.status == .unprocessableContent)
            #expect(page.contains("已退回") && page.contains("abc") && page.contains("2026-08-01"))
            #expect(!page.contains("<script>alert(1)</script>"))
            let json = try await post(client, s, name: "sales_2026-09.csv", bytes: Array(bad.utf8), accept: "application/json")
            let body = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any]
            #expect(body?["accepted"] as? Bool == false && body?["placed_as"] is NSNull)
            #expect((body?["problems"] as? [[String: Any]])?.count == 2)
        }
        #expect(ws.dropFiles("YY01").isEmpty)
    }

    @Test func GB18030AndBOMFilesAreShownAsWritten() async throws {
        let ws = try PortalWorkspace()
        let s = try ws.session("yy01")
        let text = "日期,客户编码,客户名称,金额\n2026-09-01,C001,华北乙公司,壹佰元\n"
        let gb = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        try await ws.app.test(.router) { client in
            let r = try await post(client, s, name: "sales_2026-09.csv", bytes: Array(gb))
            let page = String(buffer: r.body)
            #expect(page.contains("gb18030") && page.contains("壹佰元"), "\(page)")
            let bom = [0xEF, 0xBB, 0xBF] + Array("日期,客户编码,客户名称,金额\r\n2026-09-02,C002,华北丙公司,88.00\r\n".utf8)
            let ok = String(buffer: try await post(client, s, name: "sales_2026-09.csv", bytes: bom).body)
            #expect(ok.contains("utf-8-bom") && ok.contains("已接收") && ok.contains("88.00"))
        }
    }

    @Test func aNameClashNeverOverwritesAFileWaitingInDrop() async throws {
        let ws = try PortalWorkspace()
        let s = try ws.session("yy01")
        let waiting = ws.config.dropFolder.appendingPathComponent("YY01/sales_2026-09.csv")
        try FileManager.default.createDirectory(at: waiting.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("waiting".utf8).write(to: waiting)
        try await ws.app.test(.router) { client in
            let first = String(buffer: try await post(client, s, name: "sales_2026-09.csv", bytes: Array(Self.good.utf8)).body)
            #expect(first.contains("drop/YY01/sales_2026-09_网上报送-1.csv"))
            // Chosen kind and period name the file for the ingest.
            let second = String(buffer: try await post(client, s, name: "export.csv", bytes: Array(Self.good.utf8),
                                                        fields: ["kind": "sales", "period": "2026-09"]).body)
            #expect(second.contains("drop/YY01/sales_2026-09_网上报送-2.csv"))
        }
        #expect(try String(contentsOf: waiting, encoding: .utf8) == "waiting")
        #expect(ws.dropFiles("YY01") == ["sales_2026-09.csv", "sales_2026-09_网上报送-1.csv", "sales_2026-09_网上报送-2.csv"])
    }

    @Test func anUploadAboveTheLimitIsRefusedAndNothingIsLeft() async throws {
        let ws = try PortalWorkspace()  // max_upload_mb: 1
        let s = try ws.session("yy01")
        var grown = Array(Self.good.utf8)
        while grown.count <= 1024 * 1024 + 10 { grown += Array("2026-09-01,C001,华东甲公司,1.00\n".utf8) }
        let big = grown
        try await ws.app.test(.router) { client in
            let r = try await post(client, s, name: "sales_2026-09.csv", bytes: big)
            #expect(r.status == .contentTooLarge)
            #expect(String(buffer: r.body).contains("1 MB"))
        }
        #expect(ws.dropFiles("YY01").isEmpty)
    }

    @Test func theReceiverStopsCountingAtTheLimitWithoutAContentLength() async throws {
        // The streaming limit on its own (a chunked upload states no length).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-recv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let form = multipart(file: "sales_2026-09.csv", bytes: [UInt8](repeating: 0x41, count: 200_000))
        let receiver = UploadReceiver(folder: folder)
        await #expect(throws: UploadReceiver.Failure.tooLarge) {
            try await receiver.receive(.init(buffer: form.body), boundary: String(form.contentType.split(separator: "=").last!), limit: 100_000)
        }
        receiver.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func placementLinksWithoutReplacingAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-place-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("old".utf8).write(to: folder.appendingPathComponent("visits_2026Q3.csv"))
        let temp = folder.appendingPathComponent(".portal-upload-x.part")
        try Data("new".utf8).write(to: temp)
        let name = try DropPlacement.place(temp, in: folder, as: "visits_2026Q3.csv")
        #expect(name == "visits_2026Q3_网上报送-1.csv")
        #expect(try String(contentsOf: folder.appendingPathComponent("visits_2026Q3.csv"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["visits_2026Q3.csv", "visits_2026Q3_网上报送-1.csv"])
    }
}
