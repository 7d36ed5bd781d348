import Foundation
import KamPolicy
import Testing
@testable import KamConfig

/// `portal` (SPEC §10) and the users' scopes: read with their defaults, refused with file, line and key.
@Suite struct PortalConfigTests {
    static let file = URL(fileURLWithPath: "/srv/kam/config/kam.yaml")

    func error(_ yaml: String) -> ConfigError? {
        do {
            _ = try KamConfiguration.parse(yaml: KamConfigurationTests.minimal + "\n" + yaml, file: Self.file)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsAndEveryKeyAreRead() throws {
        #expect(try KamConfiguration.parse(yaml: KamConfigurationTests.minimal, file: Self.file).portal == PortalSettings())
        let c = try KamConfiguration.parse(yaml: KamConfigurationTests.minimal + "\n"
            + "portal: {listen: \"0.0.0.0:9090\", secure_cookies: true, max_upload_mb: 50, session_hours: 2}", file: Self.file)
        #expect(c.portal.listen == "0.0.0.0:9090" && c.portal.address?.port == 9090)
        #expect(c.portal.secureCookies && c.portal.maxUploadMB == 50 && c.portal.sessionHours == 2)
    }

    @Test func badValuesNameTheKey() throws {
        let listen = try #require(error("portal: {listen: \"localhost\"}"))
        #expect(listen.key == "portal.listen" && listen.message.contains("host:port"))
        #expect(error("portal: {max_upload_mb: 0}")?.key == "portal.max_upload_mb")
        #expect(error("portal: {session_hours: 1000}")?.key == "portal.session_hours")
        #expect(error("portal: {secure_cookie: true}")?.message.contains("secure_cookie") == true)
    }

    @Test func userScopesAreRecipientScopesPlusAdmin() throws {
        let org = try KamConfiguration.parse(yaml: KamConfigurationTests.minimal, file: Self.file).organisation
        #expect(try UserScope.parse("admin", organisation: org).get() == .admin)
        let code = try #require(org.subsidiaries.first?.code)
        #expect(try UserScope.parse("subsidiary:\(code)", organisation: org).get() == .member(.subsidiary(code)))
        guard case .failure(let p) = UserScope.parse("subsidiary:NOPE", organisation: org) else { Issue.record("accepted"); return }
        #expect(p.message.contains("NOPE"))
    }

    /// The rule delivery and the portal share, table by table (SPEC §9, §10).
    @Test func visibilityRule() {
        let sub = Visibility.Workbook(tier: "subsidiary", job: "sales-report", subsidiary: "HG01", line: "chem")
        let line = Visibility.Workbook(tier: "management", job: "line-summary", subsidiary: nil, line: "chem")
        let hq = Visibility.Workbook(tier: "hq", job: "hq-quarterly", subsidiary: nil, line: nil)
        let expected: [(RecipientScope, [Bool])] = [
            (.subsidiary("HG01"), [true, false, false]), (.subsidiary("HG02"), [false, false, false]),
            (.management("chem"), [true, true, false]), (.management("pharma"), [false, false, false]),
            (.management(nil), [true, true, false]), (.hq, [true, true, true]), (.operator, [false, false, false]),
        ]
        for (scope, want) in expected {
            #expect([sub, line, hq].map { Visibility.mayView($0, as: scope) } == want, "\(scope)")
        }
        #expect(Visibility.mayViewReceipt(ofSubsidiary: "HG01", line: "chem", as: .management("chem")))
        #expect(!Visibility.mayViewReceipt(ofSubsidiary: "HG01", line: "chem", as: .subsidiary("HG02")))
        #expect(!Visibility.mayViewManifest(as: .management(nil)) && Visibility.mayViewManifest(as: .hq))
    }
}
