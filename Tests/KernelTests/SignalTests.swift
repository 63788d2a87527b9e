import Kernel
import Language
import Testing

@Suite struct SignalTests {
    private func kernel(grace: Int = 100) -> (Kernel, PID) {
        let kernel = Kernel(
            configuration: KernelConfiguration(deterministic: true, termGraceMilliseconds: grace))
        return (kernel, kernel.attachExternalProcess(name: "dkctl"))
    }

    @Test func killEndsABusyProcess() throws {
        let (kernel, shell) = kernel()
        let pid = try kernel.spawn(
            program("spin") { Runnables.spinner() }, options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 5)
        #expect((kernel.process(pid)?.reductions ?? 0) > 0)
        try kernel.kill(pid, .kill)
        #expect(try kernel.wait(pid) == ExitStatus(code: 137, reason: "killed by KILL"))
    }

    @Test func killEndsABusyProcessOnAnotherSlot() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2))
        let shell = kernel.attachExternalProcess(name: "dkctl")
        kernel.start()
        defer { kernel.shutdown() }
        let pid = try kernel.spawn(
            program("spin") { Runnables.spinner() }, options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 20)
        try kernel.kill(pid, .kill)
        #expect(try kernel.wait(pid, timeoutMilliseconds: 5000)?.code == 137)
    }

    @Test(arguments: [(Signal.term, 143), (.int, 130), (.hup, 129), (.usr1, 138), (.usr2, 140)])
    func untrappedSignalsEndTheProcess(signal: Signal, code: Int) throws {
        let (kernel, shell) = kernel()
        let pid = try kernel.spawn(program("idle") { Runnables.idle() }, options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 1)
        try kernel.kill(pid, signal)
        #expect(try kernel.wait(pid) == ExitStatus(code: code, reason: "killed by \(signal.rawValue)"))
    }

    @Test func stopAndContinue() throws {
        let (kernel, shell) = kernel()
        let pid = try kernel.spawn(
            program("spin") { Runnables.spinner() }, options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 5)
        try kernel.kill(pid, .stop)
        kernel.run(forMilliseconds: 1)
        let stopped = kernel.process(pid)?.reductions ?? 0
        #expect(kernel.process(pid)?.state == .suspended)
        kernel.run(forMilliseconds: 20)
        #expect(kernel.process(pid)?.reductions == stopped, "a suspended process does not run")
        try kernel.kill(pid, .cont)
        kernel.run(forMilliseconds: 5)
        #expect((kernel.process(pid)?.reductions ?? 0) > stopped)
        #expect(kernel.process(pid)?.state != .suspended)
    }

    @Test func trappedTermArrivesAsAMessage() throws {
        let (kernel, shell) = kernel()
        let received = Box<Value>()
        let pid = try kernel.spawn(
            program("trapper") {
                ClosureRunnable { slice in
                    slice.used = 1
                    try? slice.thread.trap(.term)
                    if let message = slice.thread.takeMessage() {
                        received.value = message.value
                        return .finished(.int(3))
                    }
                    return .blocked(.receive(timeoutMilliseconds: nil))
                }
            }, options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 1)
        try kernel.kill(pid, .term)
        #expect(try kernel.wait(pid)?.code == 3)
        #expect(received.value?.description == "{signal: \"TERM\"}")
    }

    @Test func trappedTermEscalatesToKillAfterGrace() throws {
        let (kernel, shell) = kernel(grace: 100)
        let pid = try kernel.spawn(
            program("stubborn") {
                ClosureRunnable { slice in
                    slice.used = 1
                    try? slice.thread.trap(.term)
                    _ = slice.thread.takeMessage()  // ignores it
                    return .blocked(.receive(timeoutMilliseconds: nil))
                }
            }, options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 1)
        try kernel.kill(pid, .term)
        kernel.run(forMilliseconds: 50)
        #expect(kernel.process(pid)?.state == .waiting, "still inside its grace period")
        let status = try kernel.wait(pid)
        #expect(status == ExitStatus(code: 137, reason: "killed by KILL"))
        #expect(kernel.uptimeNanoseconds >= 100_000_000)
        #expect(kernel.events().contains { $0.kind == .signal && $0.detail.contains("grace") })
    }

    @Test func killCannotBeTrapped() throws {
        let (kernel, _) = kernel()
        let pid = try kernel.spawn(program("idle") { Runnables.idle() })
        #expect(throws: KernelError.invalid("KILL cannot be trapped")) { try kernel.trap(pid, .kill) }
    }

    @Test func signalNames() {
        #expect(Signal(parsing: "SIGTERM") == .term)
        #expect(Signal(parsing: "kill") == .kill)
        #expect(Signal(parsing: "9") == .kill)
        #expect(Signal(parsing: "19") == .stop)
        #expect(Signal(parsing: "BOGUS") == nil)
        #expect(Signal(parsing: "99") == nil)
    }

    @Test func signalToDeadProcessIsAnError() throws {
        let (kernel, shell) = kernel()
        let pid = try kernel.spawn(
            program("one") { Runnables.exits(0) }, options: SpawnOptions(parent: shell))
        _ = try kernel.wait(pid)
        #expect(throws: KernelError.noSuchID(pid)) { try kernel.kill(pid, .term) }
    }
}
