import Kernel

extension CommandCatalogue {
    static let programCommands: [CommandSpec] = [
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
            ("NAME", .left), ("VERSION", .left), ("TYPE", .left), ("DEFAULT", .left), ("PROCS", .right), ("SOURCE", .left),
        ])
        for row in session.kernel.programs() {
            table.add([row.name, row.version, row.type.rawValue, row.isDefault ? "*" : "", String(row.processes), row.source])
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

extension ShellSession {
    /// Finds what `spawn`/`run` should start: a loaded `name[@version]`.
    func resolveExecutable(_ reference: String) throws(CommandFailure) -> Executable {
        do {
            return try kernel.executable(reference)
        } catch {
            throw error.failure
        }
    }
}
