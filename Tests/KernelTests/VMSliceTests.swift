import Kernel
import Language
import Testing

/// A VM thread's slice as the kernel runs it: the wake's answer moved into the VM, `yield()`,
/// failure wakes and the end of a process while its threads run.
@Suite struct VMSliceTests {
    @Test func yieldAnswersNilAndTheThreadGoesOn() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator yields version "1.0.0"
            fn main(args) {
              var n = 0
              while n < 3 {
                print(yield())
                n += 1
              }
              return n
            }
            """, in: kernel)
        #expect(status?.code == 3)
        #expect(lines.all == ["nil", "nil", "nil"])
    }

    @Test func aYieldAfterAWakeAndAWakeAfterAYield() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator mixed version "1.0.0"
            fn main(args) {
              send(self(), "one")
              print(yield())
              receive { m => print(m) }
              print(yield())
              let t = thread echo()
              send(t, "two")
              receive { m => print(m) }
              print(yield())
              return 0
            }
            fn echo() {
              receive { m => send(self(), m) }  // to the process's mailbox
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["nil", "one", "nil", "two", "nil"])
    }

    @Test func aFailureWakeThenValueWakes() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator failing version "1.0.0"
            fn main(args) {
              sem_create("s", 0)
              try { sem_wait("s", 10) } catch e { print(e.kind) }
              let t = thread slow()
              print(join(t))
              send(self(), [1, "a"])
              receive { m => print(m) }
              return 0
            }
            fn slow() { sleep(5); return "late" }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["timeout", "late", "[1, \"a\"]"])
    }

    @Test func exitEndsAThreadThatNeverBlocks() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator spinning version "1.0.0"
            fn main(args) {
              let t = thread spin()
              sleep(5)
              print("exiting")
              exit(4)
            }
            fn spin() { var n = 0; while true { n += 1 } }
            """, in: kernel)
        #expect(status?.code == 4)
        #expect(lines.all == ["exiting"])
    }
}
