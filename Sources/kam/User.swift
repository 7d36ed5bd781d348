import ArgumentParser
import Foundation
import KamPortal
import KamScheduler

extension Kam {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the portal's users: add, list, passwd, disable, token.",
            subcommands: [Add.self, List.self, Passwd.self, Disable.self, Token.self])
    }
}

/// Options of every `kam user` command: the config whose store holds the users.
struct UserOptions: ParsableArguments {
    @Option(name: .long, help: "The config file (SPEC §7).")
    var config = "config/kam.yaml"

    func admin() throws -> UserAdmin {
        let loaded = try loadConfigOrExit(path: config)
        let engine = ReportingEngine(config: loaded, clock: ZonedClock(timeZone: loaded.timeZone, now: 0), logger: .init(label: "kam.user"))
        return UserAdmin(store: try refusingPolitely { try engine.openStore() }, config: loaded)
    }
}

/// Runs a user command, turning a refusal into its message and exit code 1.
private func refusing(_ body: () throws -> Void) throws {
    do { try body() } catch let refusal as UserAdmin.Refusal {
        FileHandle.standardError.write(Data("kam: \(refusal)\n".utf8))
        throw ExitCode(1)
    }
}

/// A password from the terminal (twice, not echoed), or one line of standard input when it is not a terminal.
private func readPassword() throws -> String {
    if isatty(STDIN_FILENO) == 1 {
        guard let first = getpass("密码 (password): ").map({ String(cString: $0) }),
              let second = getpass("再输入一次 (again): ").map({ String(cString: $0) }) else {
            throw ValidationError("could not read the password from the terminal")
        }
        guard first == second else { throw ValidationError("the two passwords differ; nothing was changed") }
        return first
    }
    guard let line = readLine(strippingNewline: true) else {
        throw ValidationError("no password on standard input; pipe it in (printf '%s\\n' \"$PW\" | kam user …) or run in a terminal")
    }
    return line
}

extension Kam.User {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from the terminal or standard input.")
        @Argument(help: "The login name.") var name: String
        @Option(help: "subsidiary:<code>, management:<line>, management, hq, operator or admin.") var scope: String
        @Option(help: "A mail address (optional).") var email = ""
        @OptionGroup var options: UserOptions

        func run() throws {
            let admin = try options.admin()
            let password = try readPassword()
            try refusing { try admin.add(name: name, scope: scope, email: email, password: password) }
            print("added \(name) (\(scope))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users, their scopes and whether they are disabled.")
        @OptionGroup var options: UserOptions

        func run() throws {
            for u in try options.admin().list() {
                print("\(u.name)\t\(u.scope)\t\(u.email.isEmpty ? "-" : u.email)\t\(u.disabled ? "disabled" : "active")")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (their sessions end).")
        @Argument(help: "The login name.") var name: String
        @OptionGroup var options: UserOptions

        func run() throws {
            let admin = try options.admin()
            let password = try readPassword()
            try refusing { try admin.setPassword(name: name, password: password) }
            print("password changed for \(name)")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user at once: their sessions end and tokens are revoked.")
        @Argument(help: "The login name.") var name: String
        @OptionGroup var options: UserOptions

        func run() throws {
            let admin = try options.admin()
            try refusing { try admin.disable(name: name) }
            print("disabled \(name)")
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new bearer token for scripts (shown once, stored hashed); --revoke revokes the user's tokens instead.")
        @Argument(help: "The login name.") var name: String
        @Flag(help: "Revoke every token of the user and print none.") var revoke = false
        @Flag(help: "Keep the user's earlier tokens working (default: a new token replaces them).") var keepOthers = false
        @OptionGroup var options: UserOptions

        func run() throws {
            let admin = try options.admin()
            try refusing {
                if revoke {
                    print("revoked \(try admin.revokeTokens(name: name)) token(s) of \(name)")
                } else {
                    print(try admin.newToken(name: name, revokingOthers: !keepOthers))
                }
            }
        }
    }
}
