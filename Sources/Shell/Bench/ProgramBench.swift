import Kernel
import Language
import Synchronization

/// A kernel running one benchmark program (compiled from source and loaded).
///
/// The benchmark itself is an outside process, the parent of what it spawns. A program started
/// with the extra argument `phased` tells it `"ready"` when its setup is done, waits for `"go"`
/// and sends `"done"` when the measured work is over, so only that work is timed (once per
/// lap, for a program that runs its work in laps).
final class ProgramBench {
    let kernel: Kernel
    /// The outside process standing for the benchmark.
    let driver: PID
    private let executable: Executable
    private let output = PrintedLines()

    /// Compiles and loads `source`, starts the kernel. `file` names it in errors.
    init(_ source: String, file: String, options: ShellOptions) throws(BenchFailure) {
        let program: Program
        do {
            program = try Compiler.compile(source: source, file: file)
        } catch {
            throw BenchFailure("\(file) does not compile: \(error)")
        }
        kernel = Kernel(configuration: options.kernel)
        executable = kernel.executable(for: program, source: file)
        do {
            _ = try kernel.load(executable)
        } catch {
            throw BenchFailure("cannot load \(file): \(error)")
        }
        driver = kernel.attachExternalProcess(name: "bench")
        let lines = output
        kernel.setOutputHandler { _, line in lines.append(line) }
        kernel.start()
    }

    /// Stops the kernel's slots.
    func shutdown() {
        kernel.shutdown()
    }

    /// The lines programs printed so far.
    var printed: [String] { output.all }

    /// Runs the program with `arguments` and `phased`: seconds from "go" to "done". The
    /// program must then exit with 0. With `laps` above 1 it gets the lap count as a further
    /// argument, is told "go" that many times, and the fastest lap counts: this machine's
    /// speed drifts in steps that last a fraction of a second (a ring measured in laps on
    /// one process shows it), and one lap may fall in a slow step.
    func measure(
        _ arguments: [String], laps: Int = 1, options: SpawnOptions = SpawnOptions(),
        timeoutSeconds: Double = 300
    ) throws(BenchFailure) -> Double {
        let lapArguments = laps > 1 ? [String(laps)] : []
        let pid = try spawn(arguments + ["phased"] + lapArguments, options: options)
        try expect("ready", from: pid, timeoutSeconds: timeoutSeconds)
        var fastest = Double.infinity
        for _ in 0..<max(laps, 1) {
            let start = monotonicSeconds()
            do {
                try kernel.send(.str("go"), to: .process(pid), from: driver)
            } catch {
                throw BenchFailure("cannot start \(executable.name): \(error)")
            }
            try expect("done", from: pid, timeoutSeconds: timeoutSeconds)
            fastest = min(fastest, monotonicSeconds() - start)
        }
        try finish(pid, timeoutSeconds: timeoutSeconds)
        return fastest
    }

    /// Runs the program with `arguments` to its end: seconds from spawn to exit (status 0).
    func run(_ arguments: [String], options: SpawnOptions = SpawnOptions(), timeoutSeconds: Double = 300)
        throws(BenchFailure) -> Double
    {
        let start = monotonicSeconds()
        let pid = try spawn(arguments, options: options)
        try finish(pid, timeoutSeconds: timeoutSeconds)
        return monotonicSeconds() - start
    }

    private func spawn(_ arguments: [String], options: SpawnOptions) throws(BenchFailure) -> PID {
        var options = options
        options.parent = driver
        do {
            return try kernel.spawn(executable, arguments: arguments, options: options)
        } catch {
            throw BenchFailure("cannot spawn \(executable.name): \(error)")
        }
    }

    /// Waits for the message `word` from the program; fails when it ends or goes silent first.
    private func expect(_ word: String, from pid: PID, timeoutSeconds: Double) throws(BenchFailure) {
        let deadline = monotonicSeconds() + timeoutSeconds
        while monotonicSeconds() < deadline {
            let message: Message?
            do {
                message = try kernel.receive(for: driver, timeoutMilliseconds: 50)
            } catch {
                throw BenchFailure("the benchmark's mailbox is gone: \(error)")
            }
            if let message {
                guard message.value.stringValue == word else {
                    throw BenchFailure("\(executable.name) sent \(message.value) instead of \"\(word)\"")
                }
                return
            }
            if let row = kernel.process(pid), row.state == .exited {
                throw BenchFailure(
                    "\(executable.name) exited with \(row.exitCode ?? -1): \(row.reason ?? "")")
            }
        }
        throw BenchFailure("\(executable.name) did not say \"\(word)\" within \(Int(timeoutSeconds)) s")
    }

    /// Waits for the program to end; fails unless it exits with 0.
    private func finish(_ pid: PID, timeoutSeconds: Double) throws(BenchFailure) {
        let status: ExitStatus?
        do {
            status = try kernel.wait(pid, timeoutMilliseconds: timeoutSeconds * 1000)
        } catch {
            throw BenchFailure("cannot wait for \(executable.name): \(error)")
        }
        guard let status else {
            throw BenchFailure("\(executable.name) did not end within \(Int(timeoutSeconds)) s")
        }
        guard status.code == 0 else {
            throw BenchFailure("\(executable.name) exited with \(status.code): \(status.reason)")
        }
    }
}

/// The lines programs print, collected from the kernel's output handler (any slot thread).
private final class PrintedLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    var all: [String] { lines.withLock { $0 } }
}
