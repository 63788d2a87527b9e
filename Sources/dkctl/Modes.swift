import ArgumentParser
import Foundation
import Shell

/// `dkctl run PROGRAM [ARGS]`: spawn, wait, exit with its code.
struct RunMode: ParsableCommand, Mode {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a program (a name, NAME@VERSION or a .orch/.bpmn file) and exit with its code.")

    @OptionGroup var kernel: KernelOptions

    @Argument(help: "The program.")
    var program: String

    @Argument(parsing: .captureForPassthrough, help: "Its arguments.")
    var arguments: [String] = []

    mutating func execute() -> Int32 {
        let session = ShellSession(options: kernel.shellOptions)
        defer { session.close() }
        InterruptFlag.install()
        return session.runProgram(program, arguments: arguments)
    }
}

/// `dkctl bench [--json] [WORKLOAD…] [--size N]`.
struct BenchMode: ParsableCommand, Mode {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Run the kernel's benchmarks and print a table (or JSON).")

    @OptionGroup var kernel: KernelOptions

    @Flag(name: .long, help: "Print one JSON array of {workload, params, value, unit}.")
    var json = false

    @Option(name: .long, help: "Problem size (processes, hops, …) instead of each workload's default.")
    var size: Int?

    @Argument(help: "Workloads to run (default: all). Known: \(Benchmarks.names.joined(separator: ", ")).")
    var workloads: [String] = []

    mutating func execute() -> Int32 {
        for name in workloads where !Benchmarks.names.contains(name) {
            FileHandle.standardError.write(
                Data("dkctl: bench: unknown workload '\(name)'; known: \(Benchmarks.names.joined(separator: ", "))\n".utf8))
            return 2
        }
        if let size, size < 1 {
            FileHandle.standardError.write(Data("dkctl: bench: --size must be at least 1\n".utf8))
            return 2
        }
        let chosen = workloads.isEmpty ? Benchmarks.names : workloads
        return Benchmarks.run(chosen, size: size, options: kernel.shellOptions, json: json)
    }
}
