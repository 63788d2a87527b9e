import Kernel
import Language

/// Compiles `.orch` source and runs it on a kernel, for tests of kernel calls.
enum ProgramHarness {
    /// Compiles `source` (a whole program) and loads it into `kernel`.
    @discardableResult
    static func load(_ source: String, into kernel: Kernel, file: String = "test.orch") throws -> Executable {
        let program = try Compiler.compile(source: source, file: file)
        let executable = kernel.executable(for: program, source: file)
        try kernel.load(executable)
        return executable
    }

    /// A kernel that records what processes print.
    static func kernel(
        deterministic: Bool = true, slots: Int = 2, configure: (inout KernelConfiguration) -> Void = { _ in }
    )
        -> (Kernel, Lines)
    {
        var configuration = KernelConfiguration(slots: slots, deterministic: deterministic, seed: 7)
        configure(&configuration)
        let kernel = Kernel(configuration: configuration)
        let lines = Lines()
        kernel.setOutputHandler { _, line in lines.append(line) }
        return (kernel, lines)
    }

    /// Loads and runs `source` to the end (spawned by an outside process), returning its exit status.
    static func run(_ source: String, in kernel: Kernel, arguments: [String] = []) throws -> ExitStatus? {
        let executable = try load(source, into: kernel)
        let shell = kernel.attachExternalProcess(name: "test")
        let pid = try kernel.spawn(executable, arguments: arguments, options: SpawnOptions(parent: shell))
        return try kernel.wait(pid, timeoutMilliseconds: 60_000)
    }
}
