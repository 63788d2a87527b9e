import Kernel
import Testing

/// A sender's mail to a receiver parked in `receive` wakes it when the sender's slice ends
/// (or before the sender's last receiver changes), not at once: one kernel lock per slice.
@Suite struct DeferredWakeTests {
    /// In one slice the sender mails a parked receiver by the cached path (its wake-up is
    /// deferred) and then another receiver: switching receivers must wake the first, or it
    /// would sleep on with its message and the sender would never hear back.
    @Test func switchingReceiversWakesTheFirst() throws {
        let (kernel, _) = ProgramHarness.kernel(deterministic: false, slots: 1)
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator relay version "1.0.0"
            fn main(args) {
              if args[0] == "echo" { loop { receive { n => send(parent(), n) } } }
              let first = spawn("relay", ["echo"])
              let second = spawn("relay", ["echo"])
              var total = 0
              for round in 0..<200 {
                send(first, 1)
                receive { n => total += n }
                // `first` is the last receiver and parked again: this send is cached.
                send(first, 10)
                send(second, 100)
                var replies = 0
                while replies < 2 { receive { n => { total += n; replies += 1 } } }
              }
              kill(first)
              kill(second)
              if total == 200 * 111 { return 0 }
              return 1
            }
            """, in: kernel, arguments: ["main"])
        #expect(status?.code == 0)
    }

    /// A message ring on two slots: every hop wakes a parked receiver at the sender's slice
    /// end, with both slots taking threads; every token arrives.
    @Test func aRingOnTwoSlotsPassesEveryToken() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false, slots: 2)
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator ring version "1.0.0"
            fn main(args) {
              if args[0] == "node" {
                receive { next => loop { receive { n => send(next, n) } } }
              }
              var members = [self()]
              for i in 1..<50 { members.append(spawn("ring", ["node"])) }
              for i in 1..<50 { send(members[i], members[(i + 1) % 50]) }
              var seen = 0
              for token in 0..<4 { send(members[1], token) }
              while seen < 4 * 300 {
                receive { n => { seen += 1; if seen <= 4 * 299 { send(members[1], n) } } }
              }
              print("tokens \\(seen)")
              for i in 1..<50 { kill(members[i]) }
              return 0
            }
            """, in: kernel, arguments: ["main"])
        #expect(status?.code == 0)
        #expect(lines.all == ["tokens 1200"])
    }
}
