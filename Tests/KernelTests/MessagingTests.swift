import Kernel
import Language
import Testing

@Suite struct MessagingTests {
    @Test func shellSendsAndProcessReplies() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let shell = kernel.attachExternalProcess(name: "dkctl")
        let echo = try kernel.spawn(
            program("echo") {
                ClosureRunnable { slice in
                    slice.used = 1
                    guard let message = slice.thread.takeMessage() else {
                        return .blocked(.receive(timeoutMilliseconds: nil))
                    }
                    _ = slice.thread.trySend(
                        .list([message.value, .pid(Int64(slice.thread.pid))]), to: .process(shell))
                    return .finished(.int(0))
                }
            }, options: SpawnOptions(parent: shell))
        try kernel.send(.str("hi"), to: .process(echo), from: shell)
        let reply = try kernel.receive(for: shell, timeoutMilliseconds: 1000)
        #expect(reply?.value == .list([.str("hi"), .pid(Int64(echo))]))
        #expect(reply?.from == .process(echo))
    }

    @Test func fullMailboxIsAnErrorForTheShell() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let pid = try kernel.spawn(
            program("deaf") { Runnables.spinner() }, options: SpawnOptions(mailboxLimit: 2))
        try kernel.send(.int(1), to: .process(pid))
        try kernel.send(.int(2), to: .process(pid))
        #expect(throws: KernelError.mailboxFull(pid, limit: 2)) {
            try kernel.send(.int(3), to: .process(pid))
        }
        #expect(kernel.process(pid)?.mailbox == 2)
    }

    @Test func deadLettersAreCounted() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        #expect(throws: KernelError.noSuchProcess(77)) { try kernel.send(.int(1), to: .process(77)) }
        #expect(kernel.stats().deadLetters == 1)
        let pid = try kernel.spawn(program("one") { Runnables.exits(0) })
        kernel.runUntilIdle()
        #expect(throws: KernelError.deadLetter(.process(pid))) { try kernel.send(.int(1), to: .process(pid)) }
        #expect(kernel.stats().deadLetters == 2)
        #expect(kernel.events().contains { $0.kind == .deadLetter && $0.pid == 77 })
    }

    /// A full mailbox blocks a program's sender until the receiver takes a message; nothing
    /// is lost: sent = received + queued + dead letters.
    @Test func fullMailboxBlocksTheSenderUntilThereIsRoom() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let shell = kernel.attachExternalProcess(name: "dkctl")
        let received = Box<[Value]>([])
        let sink = try kernel.spawn(
            program("sink") {
                ClosureRunnable { slice in
                    slice.used = 1
                    guard let message = slice.thread.takeMessage() else {
                        return .blocked(.sleep(milliseconds: 10))
                    }
                    received.value?.append(message.value)
                    return received.value?.count == 10
                        ? .finished(.int(0)) : .blocked(.sleep(milliseconds: 10))
                }
            }, options: SpawnOptions(mailboxLimit: 1, parent: shell))
        let sender = try kernel.spawn(
            program("source") {
                var next: Int64 = 0
                return ClosureRunnable { slice in
                    slice.used = 1
                    guard next < 10 else { return .finished(.int(0)) }
                    next += 1
                    if slice.thread.trySend(.int(next), to: .process(sink)) { return .yielded }
                    return .blocked(.send(to: .process(sink), message: .int(next)))
                }
            }, options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 15)
        #expect(kernel.process(sender)?.wait == "mailbox-full")
        #expect(try kernel.wait(sink)?.code == 0)
        #expect(received.value == (1...10).map { .int($0) })
        _ = try kernel.wait(sender)
    }

    /// The same for a program's `send`: the sender waits with reason `mailbox-full` while the
    /// receiver sleeps, then every message arrives in order, to a PID and to a TID.
    @Test(arguments: ["pid", "tid"])
    func programSendToAFullMailboxWaits(address: String) throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator fill version "1.0.0"
            fn main(args) {
              if args[0] == "sink" { return sink(args[1]) }
              let sink = spawn("fill", ["sink", args[0]], {mailbox: 1})
              var to = sink
              if args[0] == "tid" {
                send(sink, self())
                receive { t => to = t }
              }
              for i in 1..<6 { send(to, i) }
              return 0
            }
            fn sink(mode) {
              let worker = thread drain()
              if mode == "tid" { receive { who => send(who, worker) } }
              join(worker)
              return 0
            }
            fn drain() {
              sleep(40)
              var got = []
              while len(got) < 5 { receive { n => got.append(n) } }
              print(got)
              return 0
            }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "test")
        let pid = try kernel.spawn(executable, arguments: [address], options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 30)
        #expect(kernel.process(pid)?.wait == "mailbox-full")
        #expect(try kernel.wait(pid, timeoutMilliseconds: 5_000)?.code == 0)
        kernel.run(forMilliseconds: 100)
        #expect(lines.all == ["[1, 2, 3, 4, 5]"])
        let stats = kernel.stats()
        #expect(stats.messagesSent == stats.messagesReceived + stats.deadLetters)
    }
}

@Suite struct SharedMailboxTests {
    /// Two threads receive selectively from their process's mailbox. One takes a message the
    /// other had rejected, moving the indices; the other must still find its message after.
    @Test func aReceiveRescansWhenAnotherThreadTookAMessage() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator shared version "1.0.0"
            fn main(args) {
              let b = thread takeY()
              receive { {x: v} => print("main got x", v) }
              join(b)
              return 0
            }
            fn takeY() {
              sleep(5)
              receive { {y: v} => print("thread got y", v) }
              return 0
            }
            """, into: kernel)
        let pid = try kernel.spawn(
            executable, options: SpawnOptions(parent: kernel.attachExternalProcess(name: "t")))
        kernel.run(forMilliseconds: 1)
        try kernel.send(.record(["y": .int(1)]), to: .process(pid))  // main rejects it (index 0)
        kernel.run(forMilliseconds: 10)  // the thread takes it: indices move
        try kernel.send(.record(["x": .int(2)]), to: .process(pid))  // now at index 0
        #expect(try kernel.wait(pid, timeoutMilliseconds: 1000)?.code == 0)
        #expect(lines.all == ["thread got y 1", "main got x 2"])
    }
}
