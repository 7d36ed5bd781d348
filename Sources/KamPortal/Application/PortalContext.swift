import Hummingbird
import NIOCore

/// The request context: the caller (set by `CallerMiddleware`) and the peer's address.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var caller: Caller?
    /// The socket's peer, e.g. `127.0.0.1`; `-` when there is none (router tests).
    public let peer: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        caller = nil
        peer = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}
