import Kernel
import Language

extension CommandCatalogue {
    static let programCommands: [CommandSpec] = [
        CommandSpec(
            "load", synopsis: "load FILE [--version V]",
            summary: "compile a program file and add it to the registry",
            details: """
                The header names the program and its version (orchestrator NAME version "1.2.0").
                Loading another version keeps the first: both stay loaded, the newest becomes the
                default unless 'swap' says otherwise. --version overrides the file's version.
                """, action: load),
        CommandSpec(
            "check", synopsis: "check FILE",
            summary: "compile a program file without loading it (status 4 on errors)",
            action: { session, input throws(CommandFailure) in
                guard input.words.count == 1 else { throw .usage("usage: check FILE") }
                let program = try ProgramFiles.compile(path: input.words[0])
                session.console.out(
                    "\(input.words[0]): ok: \(program.kind.rawValue) \(program.name)@\(program.version), \(program.functions.count) function(s)"
                )
            }),
        CommandSpec(
            "disasm", synopsis: "disasm NAME[@VERSION]|FILE [FUNCTION]",
            summary: "show a program's bytecode, with source lines", action: disasm),
        CommandSpec(
            "programs", synopsis: "programs", summary: "list loaded executables and their versions",
            action: programs),
        CommandSpec(
            "swap", synopsis: "swap NAME VERSION",
            summary: "hot swap: new spawns of NAME get VERSION; running processes keep theirs", action: swap),
    ]

    private static func programs(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.isEmpty else { throw .usage("usage: programs") }
        var table = Table([
            ("NAME", .left), ("VERSION", .left), ("TYPE", .left), ("DEFAULT", .left), ("PROCS", .right),
            ("SOURCE", .left),
        ])
        for row in session.kernel.programs() {
            table.add([
                row.name, row.version, row.type.rawValue, row.isDefault ? "*" : "", String(row.processes),
                row.source,
            ])
        }
        session.console.out(lines: table.render(width: session.console.width))
    }

    private static func swap(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count == 2 else { throw .usage("usage: swap NAME VERSION") }
        do {
            try session.kernel.swap(input.words[0], to: input.words[1])
        } catch {
            throw error.failure
        }
        session.console.out("\(input.words[0]): new spawns get \(input.words[1])")
    }
}

extension CommandCatalogue {
    private static func load(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(input.words, options: ["--version"])
        guard arguments.positionals.count == 1 else { throw .usage("usage: load FILE [--version V]") }
        let executable = try session.loadFile(
            arguments.positionals[0], version: arguments.options["--version"])
        let isDefault = session.kernel.programs().contains {
            $0.name == executable.name && $0.version == executable.version && $0.isDefault
        }
        session.console.out("loaded \(executable.reference)\(isDefault ? " (default)" : "")")
    }

    private static func disasm(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard (1...2).contains(input.words.count) else {
            throw .usage("usage: disasm NAME[@VERSION]|FILE [FUNCTION]")
        }
        let reference = input.words[0]
        let program: Program
        if ProgramFiles.looksLikeFile(reference) {
            program = try ProgramFiles.compile(path: reference)
        } else {
            guard let loaded = session.kernel.program(reference) else {
                throw .failure("no loaded program '\(reference)' (see 'programs', or give a file)")
            }
            program = loaded
        }
        if input.words.count == 2 {
            guard let function = program.function(named: input.words[1]) else {
                let names = program.functions.map(\.name).joined(separator: ", ")
                throw .failure("\(program.name) has no function '\(input.words[1])' (it has: \(names))")
            }
            session.console.out(Disassembler.disassemble(function, in: program))
        } else {
            session.console.out(Disassembler.disassemble(program))
        }
    }
}
