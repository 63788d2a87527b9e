import Glibc
import Language
import Testing
import VM

/// Times naive `fib(30)`. Skipped unless `DKCTL_BENCH=1`; run it in release:
/// `DKCTL_BENCH=1 swift test -c release --filter FibBenchmark`.
@Suite(.enabled(if: getenv("DKCTL_BENCH") != nil)) struct FibBenchmark {
    @Test func fib30() throws {
        let program = try compile(
            """
            fn fib(n) {
              if n < 2 { return n }
              return fib(n - 1) + fib(n - 2)
            }
            fn main() { return fib(30) }
            """)
        var best = Double.infinity
        var outcome = VMOutcome.yielded
        for _ in 0..<5 {
            let thread = try #require(VMThread(main: program, args: [], host: TestHost()))
            let start = ContinuousClock.now
            repeat { outcome = thread.run(budget: VMInfo.defaultQuantum) } while outcome == .yielded
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        print("fib(30) best of 5: \(Int(best * 1000)) ms")
        #expect(outcome == .finished(832_040))
    }
}
