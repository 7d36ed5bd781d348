import Mustache

/// The compiled templates and the one way a page is rendered: its body, then the layout around it.
struct Pages: Sendable {
    let library: MustacheLibrary

    init() throws {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in [("layout", Templates.layout), ("login", Templates.login), ("homeSubsidiary", Templates.homeSubsidiary),
                             ("homeGroup", Templates.homeGroup), ("receiptTable", Templates.receiptTable),
                             ("workbookTable", Templates.workbookTable), ("reports", Templates.reports),
                             ("receipts", Templates.receipts), ("upload", Templates.upload), ("receipt", Templates.receipt),
                             ("admin", Templates.admin), ("notFound", Templates.notFound)] {
            templates[name] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
    }

    func render(_ template: String, title: String, data: [String: Any], caller: Caller?) -> String {
        let body = library.render(data, withTemplate: template) ?? ""
        var page: [String: Any] = ["title": title, "body": body]
        if let caller {
            page["caller"] = [
                "name": caller.user.name, "scopeLabel": ScopeText.label(caller.scope), "csrf": caller.csrf ?? "",
                "canUpload": caller.scope.uploadSubsidiary != nil, "isAdmin": caller.scope.isAdmin,
            ] as [String: Any]
        }
        return library.render(page, withTemplate: "layout") ?? body
    }
}
