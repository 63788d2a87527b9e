import ArgumentParser
import Kernel
import Shell

/// The options every mode shares: how the kernel and the shell are set up.
struct KernelOptions: ParsableArguments {
    @Option(name: .long, help: "Execution slots (OS threads); default: the number of cores.")
    var slots: Int?

    @Option(name: .long, help: "Scheduling policy: rr, priority or fair.")
    var policy: String = "rr"

    @Option(name: .long, help: "Reductions per time slice.")
    var quantum: Int = 2000

    @Flag(
        name: .long,
        help: "One slot, a virtual clock, seeded randomness: the same script prints the same output.")
    var deterministic = false

    @Option(name: .long, help: "Seed for randomness (deterministic mode).")
    var seed: UInt64 = 0

    @Flag(name: .long, help: "No colour (also: NO_COLOR set).")
    var noColor = false

    @Option(
        name: .customLong("allow-tool"), help: "An OS program that programs may run with tool(); repeatable.")
    var allowTool: [String] = []

    @Option(name: .customLong("path"), help: "A directory where executables are looked up; repeatable.")
    var path: [String] = []

    @Option(name: .customLong("max-processes"), help: "Kernel-wide process limit.")
    var maxProcesses: Int = 2_000_000

    @Option(name: .customLong("events"), help: "Also write every kernel event to this file, as JSON lines.")
    var eventsFile: String?

    @Flag(name: .customLong("no-events"), help: "Record no events (to measure what the event log costs).")
    var noEvents = false

    func validate() throws {
        guard SchedulingPolicy(rawValue: policy) != nil else {
            throw ValidationError("--policy must be rr, priority or fair, not '\(policy)'")
        }
        if let slots, !(1...256).contains(slots) { throw ValidationError("--slots must be from 1 to 256") }
        guard (1...10_000_000).contains(quantum) else {
            throw ValidationError("--quantum must be from 1 to 10000000")
        }
        guard maxProcesses >= 2 else { throw ValidationError("--max-processes must be at least 2") }
    }

    var shellOptions: ShellOptions {
        var configuration = KernelConfiguration(
            slots: slots ?? KernelConfiguration.coreCount, policy: SchedulingPolicy(rawValue: policy) ?? .rr,
            quantum: quantum, deterministic: deterministic, seed: seed, maxProcesses: maxProcesses)
        if deterministic { configuration.slots = 1 }
        configuration.allowedTools = allowTool
        configuration.recordEvents = !noEvents
        return ShellOptions(
            kernel: configuration, color: ShellOptions.wantsColor(noColorFlag: noColor), searchPath: path,
            allowedTools: allowTool)
    }
}
