import Testing

/// The --help text is part of the interface: pinned here so a change to it is deliberate.
@Suite struct HelpTextTests {
    @Test func rootHelpListsTheCommands() throws {
        let r = try KamBinary.kam("--help")
        #expect(r.status == 0)
        for line in ["OVERVIEW: Key-account (大客户) reporting: ingest subsidiaries' CSV drops and",
                     "USAGE: kam <subcommand>", "  run ", "  ingest ", "  validate ", "  schedule ", "  demo ",
                     "  serve ", "  user "] {
            #expect(r.stdout.contains(line), "\(line)")
        }
    }

    @Test func runHelpNamesEveryOption() throws {
        let r = try KamBinary.kam("run", "--help")
        #expect(r.status == 0)
        for option in ["--config <config>", "--as-of <as-of>", "--wait <wait>", "--verbose", "(default: config/kam.yaml)",
                       "(default: 60.0)"] {
            #expect(r.stdout.contains(option), "\(option)\n\(r.stdout)")
        }
    }

    @Test func serveAndUserHelpNameTheirOptions() throws {
        let serve = try KamBinary.kam("serve", "--help")
        #expect(serve.status == 0)
        for option in ["--config <config>", "--listen <listen>", "--as-of <as-of>", "--verbose"] {
            #expect(serve.stdout.contains(option), "\(option)\n\(serve.stdout)")
        }
        let user = try KamBinary.kam("user", "--help")
        for sub in ["add", "list", "passwd", "disable", "token"] { #expect(user.stdout.contains("  \(sub) "), "\(sub)\n\(user.stdout)") }
        let add = try KamBinary.kam("user", "add", "--help")
        #expect(add.stdout.contains("--scope <scope>") && add.stdout.contains("--email <email>"))
    }

    @Test func aBadAsOfIsAUsageError() throws {
        let r = try KamBinary.kam("run", "--config", "/nonexistent/kam.yaml", "--as-of", "2026-10-06")
        #expect(r.status == 2)  // the config is read first: missing file is a bad config
        #expect(r.stderr.contains("/nonexistent/kam.yaml"))
    }
}
