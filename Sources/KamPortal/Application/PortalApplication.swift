import HTTPTypes
import Hummingbird
import KamConfig
import Logging

/// The portal as a Hummingbird application: the stable addresses of SPEC §10, every one behind
/// `CallerMiddleware`. `kam serve` only builds this and runs it; the tests call it too.
public func buildPortalApplication(_ portal: Portal, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
    let router = Router(context: PortalContext.self)
    router.add(middleware: CallerMiddleware(portal: portal))
    router.get("/") { request, context in try await BlockingWork.run { try portal.home(request, context: context) } }
    router.get("/login") { request, context in
        context.caller != nil ? Portal.redirect("/") : portal.loginPage()
    }
    router.post("/login") { request, context in try await portal.login(request, context: context) }
    router.post("/logout") { request, context in try await portal.logout(request, context: context) }
    router.get("/reports") { request, context in try await BlockingWork.run { try portal.reportsPage(request, context: context) } }
    router.get("/reports/**") { request, context in try await BlockingWork.run { try portal.reportFile(request, context: context) } }
    router.get("/receipts") { request, context in try await BlockingWork.run { try portal.receiptsPage(request, context: context) } }
    router.get("/receipts/**") { request, context in try await BlockingWork.run { try portal.receiptFile(request, context: context) } }
    router.get("/upload") { request, context in try await BlockingWork.run { try portal.uploadPage(request, context: context) } }
    router.post("/upload") { request, context in try await portal.upload(request, context: context) }
    router.get("/admin") { request, context in try await BlockingWork.run { try portal.adminPage(request, context: context) } }
    router.get("/api/status") { request, context in try await BlockingWork.run { try portal.apiStatus(request, context: context) } }
    // Everything else — including every path the router cannot match — is the same 404 page.
    let responder = NotFoundFallback(router: router.buildResponder(), portal: portal)
    return Application(responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: nil),
                       logger: logger)
}

/// Answers an unknown address with the portal's 404 page instead of an empty body.
struct NotFoundFallback<Inner: HTTPResponder>: HTTPResponder where Inner.Context == PortalContext {
    typealias Context = PortalContext
    let router: Inner
    let portal: Portal

    func respond(to request: Request, context: PortalContext) async throws -> Response {
        do {
            return try await router.respond(to: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return portal.notFound(nil, json: Portal.wantsJSON(request))
        }
    }
}
