import Glibc
import Language
import Testing
import VM

/// Times naive `fib(30)`. Skipped unless `DKCTL_BENCH=1`; run it in release:
/// `DKCTL_BENCH=1 swift test -c release --filter FibBenchmark`.
@Suite(.serialized, .enabled(if: getenv("DKCTL_BENCH") != nil)) struct FibBenchmark {
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

/// More workloads for side-by-side timing with Lua and Python (skipped unless `DKCTL_BENCH=1`).
@Suite(.serialized, .enabled(if: getenv("DKCTL_BENCH") != nil)) struct WorkloadBenchmark {
    static let workloads: [(String, String)] = [
        ("loop", "fn main() { var s = 0\nfor i in 0..<3000000 { s += i % 7 }\nreturn s }"),
        ("while", "fn main() { var s = 0\nvar i = 0\nwhile i < 3000000 { s += i\ni += 1 }\nreturn s }"),
        ("append", "fn main() { var xs = []\nfor i in 0..<1000000 { xs.append(i) }\nreturn len(xs) }"),
        ("map", "fn main() { var m = {}\nfor i in 0..<200000 { m[i % 1000] = i }\nreturn len(m) }"),
        (
            "strings",
            "fn main() { var n = 0\nfor i in 0..<200000 { let s = \"k\\(i)\"\nn += len(s) }\nreturn n }"
        ),
    ]

    @Test(arguments: workloads.map(\.0)) func run(name: String) throws {
        let source = try #require(Self.workloads.first { $0.0 == name }?.1)
        let program = try compile(source)
        var best = Double.infinity
        for _ in 0..<3 {
            let thread = try #require(VMThread(main: program, args: [], host: TestHost()))
            let start = ContinuousClock.now
            while thread.run(budget: VMInfo.defaultQuantum) == .yielded {}
            let e = ContinuousClock.now - start
            best = min(best, Double(e.components.seconds) + Double(e.components.attoseconds) / 1e18)
        }
        print("\(name): \(Int(best * 1000)) ms")
    }
}
