import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KamConfig

/// POSTs a short markdown text to a group-chat bot in its own JSON format (企业微信 `wecom`,
/// 钉钉 `dingtalk`), with a timeout: a bot that answers an error or hangs fails this try and
/// is retried later; it never holds up anything else. Only names, periods and statuses are
/// sent (no attachments, no customer figures): a group chat is not a confidential channel.
public struct WebhookPoster: Sendable {
    public let target: WebhookTarget

    public init(target: WebhookTarget) { self.target = target }

    /// The request body for `title` and markdown `text`.
    public func payload(title: String, text: String) -> Data {
        let json: [String: Any]
        switch target.format {
        case .wecom: json = ["msgtype": "markdown", "markdown": ["content": "**\(title)**\n\(text)"]]
        case .dingtalk: json = ["msgtype": "markdown", "markdown": ["title": title, "text": "#### \(title)\n\(text)"]]
        }
        return (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data()
    }

    public func post(title: String, text: String) throws(DeliveryError) {
        var request = URLRequest(url: target.url, timeoutInterval: target.timeoutSeconds)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = payload(title: title, text: text)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = target.timeoutSeconds
        configuration.timeoutIntervalForResource = target.timeoutSeconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            outcome.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + target.timeoutSeconds + 2) == .timedOut {
            task.cancel()
            throw DeliveryError("webhook \(target.url.host ?? "") did not answer within \(target.timeoutSeconds) s; retried later")
        }
        let (data, status, error) = outcome.get()
        if let error {
            throw DeliveryError("webhook \(target.url.host ?? "") failed: \(error.localizedDescription); retried later")
        }
        guard let status, (200..<300).contains(status) else {
            throw DeliveryError("webhook \(target.url.host ?? "") answered HTTP \(status.map(String.init) ?? "?"); retried later")
        }
        // Both bots answer 200 with {"errcode": N, "errmsg": …} when they refuse a message (bad key, rate limit).
        if let data, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let code = object["errcode"] as? Int, code != 0 {
            throw DeliveryError("webhook \(target.url.host ?? "") refused the message: errcode \(code) \(object["errmsg"] ?? "")")
        }
    }

    /// The completion handler's results, handed across threads under a lock.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Data?, Int?, Error?) = (nil, nil, nil)
        func set(data: Data?, status: Int?, error: Error?) { lock.withLock { value = (data, status, error) } }
        func get() -> (Data?, Int?, Error?) { lock.withLock { value } }
    }
}
