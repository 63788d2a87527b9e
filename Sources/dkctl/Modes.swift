import ArgumentParser
import Foundation
import Monitor
import Shell

/// `dkctl run PROGRAM [ARGS]`: spawn, wait, exit with its code.
struct RunMode: ParsableCommand, Mode {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a program (a name, NAME@VERSION or a .orch/.bpmn file) and exit with its code.")

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
                Data(
                    "dkctl: bench: unknown workload '\(name)'; known: \(Benchmarks.names.joined(separator: ", "))\n"
                        .utf8))
            return 2
        }
        if let size, size < 1 {
            FileHandle.standardError.write(Data("dkctl: bench: --size must be at least 1\n".utf8))
            return 2
        }
        let chosen = workloads.isEmpty ? Benchmarks.names : workloads
        var options = kernel.shellOptions
        options.measureFrame = { kernel, width, height in
            measureFrame(kernel: kernel, width: width, height: height)
        }
        return Benchmarks.run(chosen, size: size, options: options, json: json)
    }
}

/// `dkctl check FILE`: compile only; status 4 on compile errors.
struct CheckMode: ParsableCommand, Mode {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compile a program file without running it (exit 4 on compile errors).")

    @OptionGroup var kernel: KernelOptions

    @Argument(help: "The .orch or .bpmn file.")
    var file: String

    mutating func execute() -> Int32 {
        let session = ShellSession(options: kernel.shellOptions)
        defer { session.close() }
        return session.runCommands("check " + ShellQuoting.quote(file))
    }
}

/// `dkctl top [--batch -n N -d S]`: the monitor over a fresh kernel (or a script's).
struct TopMode: ParsableCommand, Mode {
    static let configuration = CommandConfiguration(
        commandName: "top", abstract: "The full-screen monitor (--batch: plain-text snapshots).")

    @OptionGroup var kernel: KernelOptions

    @Flag(name: [.customLong("batch"), .customShort("b")], help: "Print plain-text snapshots instead.")
    var batch = false

    @Option(name: .customShort("n"), help: "Snapshots to print in batch mode.")
    var iterations: Int = 1

    @Option(name: .customShort("d"), help: "Seconds between snapshots.")
    var delay: Double = 1

    @Option(
        name: [.customShort("s"), .customLong("sort")],
        help: "Sort key: pid, cpu, mem, threads, time, name, state.")
    var sort: String = "pid"

    @Option(
        name: .customLong("script"),
        help: "A session script to run first (it sets up the processes to watch).")
    var script: String?

    mutating func execute() -> Int32 {
        let session = ShellSession(options: kernel.shellOptions)
        session.monitor = MonitorBridge.launcher
        defer { session.close() }
        InterruptFlag.install()
        if let script {
            let status = session.runScript(path: script, arguments: [])
            if status != 0 { return status }
        }
        var command = "top -n \(iterations) -d \(delay) -s \(ShellQuoting.quote(sort))"
        if batch { command += " --batch" }
        return session.runCommands(command)
    }
}

/// Quotes a word for the shell's own command line.
enum ShellQuoting {
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
