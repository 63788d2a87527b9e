import Kernel
import Language
import Testing

/// The message path of running threads: sends and receives without the kernel lock, and
/// what takes it. The kernel counts every message operation done under its lock
/// (``KernelStats/sendsLocked`` and friends), so these tests can see which path was taken.
@Suite struct ThreadMessagesTests {
    /// A process that sends 100 messages to a receiver that is busy (not parked in receive)
    /// looks the receiver up once under the lock; the other 99 sends and all 100 receives
    /// take no lock, and only parked-receiver wake-ups do.
    @Test func theCommonPathTakesNoLock() throws {
        let (kernel, lines) = ProgramHarness.kernel(slots: 1)
        let executable = try ProgramHarness.load(
            """
            orchestrator quiet version "1.0.0"
            fn main(args) {
              if args[0] == "sink" { return sink() }
              let sink = spawn("quiet", ["sink"])
              for i in 0..<100 { send(sink, i) }
              return wait(sink)
            }
            fn sink() {
              var total = 0
              for i in 0..<100 { receive { n => total += n } }
              print(total)
              return 0
            }
            """, into: kernel)
        let before = kernel.stats()
        let pid = try kernel.spawn(
            executable, arguments: ["main"],
            options: SpawnOptions(parent: kernel.attachExternalProcess(name: "t")))
        #expect(try kernel.wait(pid, timeoutMilliseconds: 5_000)?.code == 0)
        #expect(lines.all == ["4950"])
        let after = kernel.stats()
        #expect(after.messagesSent - before.messagesSent == 100)
        #expect(after.messagesReceived - before.messagesReceived == 100)
        #expect(after.sendsLocked - before.sendsLocked == 1)
        #expect(after.receivesLocked - before.receivesLocked == 0)
        #expect(after.wakeupsLocked - before.wakeupsLocked <= 1)
    }

    /// A sender keeps its last receiver; once that receiver has ended, the next send is a
    /// dead letter, found without the lock, and counted.
    @Test func aSendToAnEndedReceiverIsADeadLetter() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator late version "1.0.0"
            fn main(args) {
              if args[0] == "once" {
                receive { n => print("got", n) }
                return 0
              }
              let other = spawn("late", ["once"])
              send(other, 1)
              wait(other)
              send(other, 2)
              return 0
            }
            """, in: kernel, arguments: ["main"])
        #expect(status?.code == 0)
        #expect(lines.all == ["got 1"])
        let stats = kernel.stats()
        #expect(stats.deadLetters == 1)
        #expect(
            stats.messagesSent == stats.messagesReceived + UInt64(stats.messagesQueued) + stats.deadLetters)
    }

    /// Real concurrency on two slots: eight senders, 2,000 messages each, to one receiver
    /// that checks each sender's order; nothing is lost and the counts balance.
    @Test func concurrentSendersKeepOrderAndLoseNothing() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator flood version "1.0.0"
            fn main(args) {
              if args[0] == "send" { return flood(int(args[1])) }
              for s in 0..<8 { send(spawn("flood", ["send", str(s)]), self()) }
              var next = [0, 0, 0, 0, 0, 0, 0, 0]
              var wrong = 0
              for i in 0..<16000 {
                receive { [s, n] => {
                  if n != next[s] { wrong += 1 }
                  next[s] = n + 1
                } }
              }
              print(wrong, sum(next))
              return 0
            }
            fn flood(s) {
              receive { to => for n in 0..<2000 { send(to, [s, n]) } }
              return 0
            }
            """, in: kernel, arguments: ["main"])
        #expect(status?.code == 0)
        #expect(lines.all == ["0 16000"])
        ThreadMessagesTests.expectEveryMessageAccountedFor(in: kernel.stats())
    }

    /// A process that receives alone (without the lock) starts a second thread; from then on
    /// both share the mailbox under the lock, while four senders keep sending on two slots.
    /// Every message is taken exactly once.
    @Test func aSecondThreadSharesTheMailboxSafely() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator pair version "1.0.0"
            fn main(args) {
              if args[0] == "send" { return flood() }
              if args[0] == "stopper" { return stopper() }
              send(spawn("pair", ["stopper"]), self())
              var got = take(500)
              let helper = thread take(-1)
              got += take(-1)
              got += join(helper)
              print(got)
              return 0
            }
            fn take(limit) {
              var got = 0
              loop {
                if limit >= 0 && got >= limit { return got }
                receive {
                  "stop" => return got
                  n => got += 1
                }
              }
            }
            // Starts the senders, and once they have all ended tells both receivers to stop.
            fn stopper() {
              receive { to => {
                var floods = []
                for s in 0..<4 {
                  let f = spawn("pair", ["send"])
                  send(f, to)
                  floods.append(f)
                }
                for f in floods { wait(f) }
                send(to, "stop")
                send(to, "stop")
              } }
              return 0
            }
            fn flood() {
              receive { to => for n in 0..<3000 { send(to, n) } }
              return 0
            }
            """, in: kernel, arguments: ["main"])
        #expect(status?.code == 0)
        #expect(lines.all == ["12000"])
        ThreadMessagesTests.expectEveryMessageAccountedFor(in: kernel.stats())
    }

    /// A receive that takes any message takes the thread's own mail (sent to its TID) before
    /// its process's, as a scanning receive does.
    @Test func aReceiveOfAnyMessageTakesTheThreadsOwnMailFirst() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator own version "1.0.0"
            fn main(args) {
              let t = thread worker()
              send(self(), "to the process")
              send(t, "to the thread")
              print(join(t))
              return 0
            }
            fn worker() {
              sleep(10)
              var got = []
              for i in 0..<2 { receive { m => got.append(m) } }
              return got
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == [#"["to the thread", "to the process"]"#])
    }

    /// A receiver killed from outside while messages pour in: nothing crashes, and once all
    /// is still every message is accounted for (received, or a dead letter).
    @Test func killingABusyReceiverAccountsForEveryMessage() throws {
        let (kernel, _) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let executable = try ProgramHarness.load(
            """
            orchestrator victim version "1.0.0"
            fn main(args) {
              if args[0] == "send" { return flood() }
              for s in 0..<3 { send(spawn("victim", ["send"]), self()) }
              loop { receive { n => {} } }
            }
            fn flood() {
              receive { to => for n in 0..<20000 { send(to, n) } }
              return 0
            }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "t")
        for _ in 0..<5 {
            let pid = try kernel.spawn(executable, arguments: ["main"], options: SpawnOptions(parent: shell))
            kernel.run(forMilliseconds: 20)
            try kernel.kill(pid, .kill)
            _ = try kernel.wait(pid, timeoutMilliseconds: 5_000)
        }
        let stats = ThreadMessagesTests.settled(kernel)
        #expect(stats.processes == 2)  // init and the shell
        #expect(stats.deadLetters > 0)
        ThreadMessagesTests.expectEveryMessageAccountedFor(in: stats)
    }

    /// On two slots, with sends and receives recorded without the kernel lock, every
    /// message's send event still comes before its receive event in the log, and event times
    /// never go backwards. (Both sides poll with `after 0`, so a receiver is usually running
    /// when a message arrives and takes it at once, without being woken.)
    @Test func aSendIsLoggedBeforeItsReceive() throws {
        let (kernel, _) = ProgramHarness.kernel(deterministic: false) { $0.eventCapacity = 200_000 }
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator pingpong version "1.0.0"
            fn main(args) {
              if args[0] == "echo" {
                loop {
                  receive {
                    [from, n] => send(from, n)
                    after 0 => {}
                  }
                }
              }
              let echo = spawn("pingpong", ["echo"])
              for n in 0..<5000 {
                send(echo, [self(), n])
                var back = false
                while !back {
                  receive {
                    m => back = true
                    after 0 => {}
                  }
                }
              }
              let echoes = [echo]
              for e in echoes { kill(e) }
              return 0
            }
            """, in: kernel, arguments: ["main"])
        #expect(status?.code == 0)
        let events = kernel.events()
        var sentAt: [UInt64: UInt64] = [:]
        var misordered = 0
        var received = 0
        var previousTime: UInt64 = 0
        var timeWentBack = false
        for event in events {
            if event.time < previousTime { timeWentBack = true }
            previousTime = event.time
            guard let id = event.correlation else { continue }
            switch event.kind {
            case .send: sentAt[id] = event.sequence
            case .receive:
                received += 1
                if (sentAt[id] ?? .max) > event.sequence { misordered += 1 }
            default: break
            }
        }
        #expect(received >= 10_000)
        #expect(misordered == 0)
        #expect(!timeWentBack)
    }

    /// The shell lists a process's mailbox while the process takes messages without the
    /// lock on another slot: the listing waits for the slice to end rather than race it.
    @Test func listingAMailboxWhileItsOwnerRunsIsSafe() throws {
        let (kernel, _) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let executable = try ProgramHarness.load(
            """
            orchestrator busy version "1.0.0"
            fn main(args) {
              if args[0] == "send" { return flood() }
              for s in 0..<2 { send(spawn("busy", ["send"]), self()) }
              var got = 0
              while got < 40000 { receive { n => got += 1 } }
              return 0
            }
            fn flood() {
              receive { to => for n in 0..<20000 { send(to, n) } }
              return 0
            }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "t")
        let pid = try kernel.spawn(executable, arguments: ["main"], options: SpawnOptions(parent: shell))
        var listings = 0
        while kernel.process(pid)?.state != .exited, listings < 100_000 {
            guard let messages = try? kernel.mailbox(of: pid) else { break }
            #expect(messages.allSatisfy { if case .int = $0.value { true } else { false } })
            _ = kernel.stats()
            listings += 1
        }
        #expect(try kernel.wait(pid, timeoutMilliseconds: 20_000)?.code == 0)
        #expect(listings > 0)
    }

    /// A storm on two slots: twelve sender threads, sinks with tiny mailboxes (senders block
    /// on them) taking alone without the lock or with two threads under it, two sinks killed
    /// while messages pour in. Everything ends, and every message is received or a dead letter.
    @Test func aStormOfSendersKillsAndFullMailboxesLosesNothing() throws {
        let (kernel, _) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator storm version "1.0.0"
            fn main(args) {
              if args[0] == "sink" { return sink(int(args[1])) }
              if args[0] == "source" { return source() }
              var sinks = []
              for i in 0..<6 { sinks.append(spawn("storm", ["sink", str(1 + i % 2)], {mailbox: 3})) }
              var sources = []
              for i in 0..<6 {
                let s = spawn("storm", ["source"])
                send(s, sinks)
                sources.append(s)
              }
              sleep(2)
              kill(sinks[0], "KILL")
              kill(sinks[3], "KILL")
              for s in sources { wait(s) }
              for k in sinks {
                send(k, "done")
                send(k, "done")
              }
              for k in sinks { wait(k) }
              return 0
            }
            fn source() {
              var sinks = []
              receive { list => sinks = list }
              let helper = thread blast(sinks)
              blast(sinks)
              join(helper)
              return 0
            }
            fn blast(sinks) {
              for i in 0..<400 { send(sinks[random(len(sinks))], i) }
              return 0
            }
            fn sink(threads) {
              if threads == 2 {
                let helper = thread drain()
                drain()
                join(helper)
              } else {
                drain()
              }
              return 0
            }
            fn drain() {
              loop {
                receive {
                  "done" => return 0
                  n => {}
                  after 5000 => return 1
                }
              }
            }
            """, in: kernel, arguments: ["main"])
        #expect(status?.code == 0)
        let stats = ThreadMessagesTests.settled(kernel)
        #expect(stats.deadLetters > 0)
        ThreadMessagesTests.expectEveryMessageAccountedFor(in: stats)
        #expect(stats.sendsLocked <= stats.messagesSent)  // each send counted once, when it goes
    }

    /// The kernel's figures once only init and the shell are left (children of killed
    /// processes may still be finishing), at most five seconds on.
    static func settled(_ kernel: Kernel) -> KernelStats {
        var stats = kernel.stats()
        for _ in 0..<500 where stats.processes > 2 || stats.messagesQueued > 0 {
            kernel.run(forMilliseconds: 10)
            stats = kernel.stats()
        }
        return stats
    }

    /// At rest, every message sent was received or is a dead letter: none is queued.
    static func expectEveryMessageAccountedFor(
        in stats: KernelStats, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(stats.messagesQueued == 0, sourceLocation: sourceLocation)
        #expect(
            stats.messagesSent == stats.messagesReceived + stats.deadLetters, sourceLocation: sourceLocation)
    }
}
