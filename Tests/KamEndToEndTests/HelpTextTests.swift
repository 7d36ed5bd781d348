import Testing

/// The --help text is part of the interface: pinned here so a change to it is deliberate.
@Suite struct HelpTextTests {
    @Test func rootHelpListsTheCommands() throws {
        let r = try KamBinary.kam("--help")
        #expect(r.status == 0)
        for line in ["OVERVIEW: Key-account (大客户) reporting: ingest subsidiaries' CSV drops and",
                     "USAGE: kam <subcommand>", "  run ", "  ingest ", "  validate ", "  schedule ", "  demo "] {
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

    @Test func aBadAsOfIsAUsageError() throws {
        let r = try KamBinary.kam("run", "--config", "/nonexistent/kam.yaml", "--as-of", "2026-10-06")
        #expect(r.status == 2)  // the config is read first: missing file is a bad config
        #expect(r.stderr.contains("/nonexistent/kam.yaml"))
    }
}
