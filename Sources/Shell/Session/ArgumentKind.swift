/// What the word at the cursor names, given the command and the words before it: Tab
/// completion offers only that (no PIDs after `spawn`, no files after `kill`).
enum ArgumentKind: Equatable, Sendable {
    /// A command name (`help`).
    case command
    /// Something to run: a loaded executable's name, a `NAME.orch`/`NAME.bpmn` in a `--path`
    /// directory, or a program file (`spawn`, `disasm`).
    case executable
    /// A loaded executable's name (`swap`).
    case executableName
    /// A version of the loaded executable `name` (`swap NAME VERSION`).
    case version(of: String)
    /// A program file: `.orch`, `.bpmn`, or a directory on the way (`load`, `check`).
    case programFile
    /// Any file or directory (`source`, `record`, `spawn --tool`, a program's arguments).
    case path
    /// A process ID.
    case process
    /// A process or thread ID (`kill`, `mailbox`, `stats`).
    case processOrThread
    /// A thread ID (`step`).
    case thread
    /// Nothing to offer (an option's value, a message, a number); a word that looks like a path
    /// still completes as one.
    case other

    /// The kind of the word after `command` and the complete words `before` it (the command's
    /// own name excluded). Options and their values are skipped when counting positionals.
    static func of(command: String, before: [String]) -> ArgumentKind {
        guard let rule = rules[command] else { return .other }
        var positionals: [String] = []
        var flags: Set<String> = []
        var index = 0
        var optionsEnded = false
        while index < before.count {
            let word = before[index]
            index += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-"
                || rule.numbersArePositional && Int(word) != nil
            {
                positionals.append(word)
            } else if word == "--" {
                optionsEnded = true
            } else if rule.valued.contains(word) {
                if index == before.count { return rule.value(word) }
                index += 1
            } else {
                flags.insert(word)
            }
        }
        return rule.kind(positionals, flags)
    }

    /// How one command's arguments read.
    private struct Rule: Sendable {
        /// Options that take the next word as their value.
        var valued: Set<String> = []
        /// Whether `-5` is a positional (a nice value), not an option.
        var numbersArePositional = false
        /// The kind of an option's value.
        var value: @Sendable (String) -> ArgumentKind = { _ in .other }
        /// The kind of the next positional, given the positionals and flags before it.
        var kind: @Sendable ([String], Set<String>) -> ArgumentKind
    }

    /// `kind` for the first positional, `.other` after it.
    private static func first(_ kind: ArgumentKind) -> @Sendable ([String], Set<String>) -> ArgumentKind {
        { positionals, _ in positionals.isEmpty ? kind : .other }
    }

    private static let rules: [String: Rule] = {
        let spawnOptions: Set<String> = [
            "--nice", "--mem", "--max-threads", "--mailbox", "--parallel", "--restart", "--max-restarts",
            "--period", "--name",
        ]
        let run = Rule(valued: spawnOptions) { positionals, flags in
            positionals.isEmpty && !flags.contains("--tool") ? .executable : .path
        }
        var rules: [String: Rule] = [
            "spawn": run, "run": run,
            "load": Rule(valued: ["--version"], kind: first(.programFile)),
            "check": Rule(kind: first(.programFile)),
            "source": Rule(kind: { _, _ in .path }),
            "record": Rule(kind: first(.path)),
            "disasm": Rule(kind: first(.executable)),
            "swap": Rule { positionals, _ in
                switch positionals.count {
                case 0: .executableName
                case 1: .version(of: positionals[0])
                default: .other
                }
            },
            "help": Rule(kind: first(.command)),
            "kill": Rule(valued: ["-s"], kind: { _, _ in .processOrThread }),
            "wait": Rule(valued: ["--timeout", "-t"], kind: { _, _ in .process }),
            "renice": Rule(numbersArePositional: true) { positionals, _ in
                positionals.isEmpty ? .other : .process
            },
            "events": Rule(valued: ["--pid", "--type", "-n"], value: { $0 == "--pid" ? .process : .other }) {
                _, _ in
                .other
            },
            "logs": Rule(valued: ["-n"], kind: first(.process)),
            "request": Rule(valued: ["--timeout", "-t"], kind: first(.process)),
            "step": Rule(kind: first(.thread)),
        ]
        for name in ["suspend", "resume"] { rules[name] = Rule(kind: { _, _ in .process }) }
        for name in ["threads", "pstree", "resources", "lint", "ctx", "provenance", "msc", "send"] {
            rules[name] = Rule(kind: first(.process))
        }
        for name in ["mailbox", "stats"] { rules[name] = Rule(kind: first(.processOrThread)) }
        return rules
    }()
}
