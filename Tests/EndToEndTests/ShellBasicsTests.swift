import Foundation
import Testing

@Suite struct ShellBasicsTests {
    @Test func commandsRunInOrder() async throws {
        let result = try await Dkctl.commands("echo one; echo two\necho three")
        #expect(result.status == 0)
        #expect(result.lines == ["one", "two", "three"])
    }

    @Test func commentsAndQuotes() async throws {
        let result = try await Dkctl.commands("echo a # not this; echo b\necho c#d '#'; echo x#")
        #expect(result.lines == ["a", "c#d #", "x#"])
        let quoted = try await Dkctl.commands(#"echo 'x  y' "z""#)
        #expect(quoted.lines == ["x  y z"])
    }

    @Test func scriptArgumentsAndCount() async throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("args-\(UUID()).dksh")
        try "# a comment\necho $# $1 $2\necho all: $@\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let result = try await Dkctl.run([script.path, "alpha", "beta"])
        #expect(result.status == 0)
        #expect(result.lines == ["2 alpha beta", "all: alpha beta"])
    }

    @Test func standardInputIsReadWithoutAPrompt() async throws {
        let result = try await Dkctl.run(["--deterministic"], input: "echo hi\necho $$\n")
        #expect(result.lines == ["hi", "2"])
    }

    @Test func scriptStopsAtFirstFailureWithItsStatus() async throws {
        let result = try await Dkctl.commands("echo before; kill 999; echo after")
        #expect(result.status == 3)
        #expect(result.lines == ["before"])
        #expect(result.error == "dkctl: kill: no such process or thread: 999\n")
    }

    @Test func exitCodes() async throws {
        #expect(try await Dkctl.commands("exit 7").status == 7)
        #expect(try await Dkctl.commands("echo x").status == 0)
        let bad = try await Dkctl.commands("exit nope")
        #expect(bad.status == 2)
    }

    @Test func unknownCommandSuggestsOne() async throws {
        let result = try await Dkctl.commands("sapwn x")
        #expect(result.status == 2)
        #expect(result.error.contains("dkctl: sapwn: unknown command; did you mean 'spawn'?"))
    }

    @Test(arguments: [
        ("kill", 2), ("kill -BOGUS 1", 2), ("kill abc", 2), ("kill 999", 3), ("kill -KILL 1", 1),
        ("wait", 0), ("wait 999", 3), ("wait x", 2), ("send", 2), ("send 2", 2), ("send 999 1", 3),
        ("send 999 hello", 3),
        ("send 999 {broken", 3), ("send 2 {a: b}", 2), ("send 2 ping", 0),
        ("send 2 {op: ", 2), ("send 2 {a: 1,,}", 2), ("spawn", 2), ("spawn nothing-here", 1),
        ("spawn --nice 99 x", 2), ("spawn --restart sometimes x", 2), ("spawn --mem lots x", 2),
        ("renice", 2), ("renice 50 2", 2), ("renice 5 999", 3), ("suspend", 2), ("resume 999", 3),
        ("ps -q", 2), ("ps -o bogus", 2), ("ps -s nothing", 2), ("threads 999", 3), ("mailbox 999", 3),
        ("logs 999", 3), ("stats 999", 3), ("events --type nope", 2), ("sched lottery", 2),
        ("sleep forever", 2), ("tick 0", 2), ("source /nonexistent.dksh", 1), ("help nope", 2),
        ("load /nonexistent.orch", 1), ("check", 2), ("swap x", 2), ("swap x 1.0.0", 1),
        ("disasm nothing", 1), ("recv --timeout 10ms", 1), ("pstree 999", 3), ("resources 999", 3),
        ("spawn --tool /nonexistent/x", 1), ("ctx 999", 3), ("ctx 2 nope", 1), ("request 999 1", 3),
        ("request 2", 2), ("publish a..b 1", 2), ("publish x", 2), ("subscribe a.#.b", 2),
        ("unsubscribe nope", 1),
        ("step 999", 3), ("step 2 0", 2), ("msc 0", 2), ("msc 5", 1), ("record", 2), ("trace maybe", 2),
        ("lint 999", 3), ("provenance x", 2), ("top --bogus", 2), ("top -n 0", 2), ("events -n -1", 2),
        ("logs 2 -n x", 2), ("load /nonexistent.bpmn", 1),
    ])
    func errorPathsFailWithTheRightStatus(command: String, status: Int32) async throws {
        let result = try await Dkctl.commands(command)
        #expect(result.status == status, "\(command): \(result.error)")
        if status != 0 {
            let lines = result.error.split(separator: "\n")
            #expect(lines.count == 1, "one line: \(result.error)")
            #expect(
                lines.first?.hasPrefix("dkctl: \(command.split(separator: " ")[0]): ") ?? false,
                "\(result.error)")
        }
    }

    @Test func helpCoversEveryCommand() async throws {
        let list = try await Dkctl.commands("help")
        let names = list.lines.dropFirst().prefix { !$0.isEmpty }.compactMap {
            $0.split(separator: " ").first
        }
        #expect(names.count >= 30)
        for name in names {
            let help = try await Dkctl.commands("help \(name)")
            #expect(help.status == 0)
            #expect(help.lines.first?.hasPrefix("usage: \(name)") ?? false, "help \(name)")
        }
    }

    @Test func versionAndHelpFlags() async throws {
        let version = try await Dkctl.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.contains("0."))
        let help = try await Dkctl.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE"))
        let bad = try await Dkctl.run(["--slots", "0", "-c", "echo"])
        #expect(bad.status == 2)
    }
}

@Suite struct BadInputTests {
    @Test func binaryScriptAndProgramFilesAreRefused() async throws {
        let binary = try await Dkctl.run(["/bin/true"])
        #expect(binary.status == 1)
        #expect(binary.error.hasPrefix("dkctl: /bin/true: cannot read the script"))
        let load = try await Dkctl.commands("load /bin/true")
        #expect(load.status == 1)
        #expect(load.error == "dkctl: load: /bin/true: not UTF-8 text\n")
        let directory = try await Dkctl.commands("load /tmp")
        #expect(directory.error == "dkctl: load: /tmp: is a directory\n")
    }

    @Test func hugeAndNestedLiteralsAreErrors() async throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let result = try await Dkctl.commands("send 2 \(deep)")
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("dkctl: send: malformed message:"))
        let number = try await Dkctl.commands("send 2 123456789012345678901234567890")
        #expect(number.status == 2)
    }

    @Test func absurdDurationsAreRefused() async throws {
        #expect(try await Dkctl.commands("sleep 1e300").status == 2)
        #expect(try await Dkctl.commands("sleep -1").status == 2)
        #expect(try await Dkctl.commands("wait 2 --timeout soon").status == 2)
    }

    @Test func theShellCannotBeSignalledOrWaitedFor() async throws {
        let kill = try await Dkctl.commands("kill -KILL $$")
        #expect(kill.status == 1)
        #expect(kill.error.contains("is the shell"))
        #expect(try await Dkctl.commands("wait $$").status == 1)
    }

    @Test func theShellReceivesWhatIsSentToIt() async throws {
        let result = try await Dkctl.commands("send $$ {hello: 1}; recv")
        #expect(result.lines == ["from 2: {hello: 1}"])
    }
}
