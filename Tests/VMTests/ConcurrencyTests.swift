import Dispatch
import Language
import Testing
import VM

/// A host that needs no state: every kernel call answers nil.
private final class QuietHost: VMHost, Sendable {
    func syscall(_ call: KernelCall, _ args: [Value], thread: VMThread) -> SyscallResult { .value(.nil) }
    func peekMessage(at index: Int, thread: VMThread) -> Value? { nil }
    func removeMessage(at index: Int, thread: VMThread) -> Bool { true }
    func waitForMessage(timeout: Int64?, thread: VMThread) -> SyscallResult { .block }
    func allocate(bytes: Int, thread: VMThread) -> Bool { true }
}

@Suite struct ConcurrencyTests {
    /// Threads of one program run at once on different OS threads, all changing copies of one
    /// shared list and map: value semantics means each sees only its own changes.
    @Test func threadsShareValuesWithoutSharingMutations() throws {
        let program = try compile(
            """
            fn main() { return 0 }
            fn worker(shared, n) {
              var mine = shared
              for i in 0..<n { mine.list.append(i)
                mine.map[i] = i
                mine.list[0] += 1 }
              return [len(mine.list), len(mine.map), mine.list[0], len(shared.list)]
            }
            """)
        let shared: Value = ["list": [0], "map": [:]]
        let index = try #require(program.functionIndex(named: "worker"))
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { n in
            let host = QuietHost()
            guard
                let t = try? VMThread(
                    program: program, function: index, args: [shared, .int(Int64(1000 + n))], host: host)
            else { return }
            var outcome = VMOutcome.yielded
            while outcome == .yielded { outcome = t.run(budget: 500) }
            results.set(n, outcome)
        }
        for n in 0..<8 {
            let count = Int64(1000 + n)
            #expect(results.get(n) == .finished([.int(count + 1), .int(count), .int(count), 1]))
        }
        #expect(shared == ["list": [0], "map": [:]])
    }
}

/// Outcomes collected from several OS threads.
private final class Results: @unchecked Sendable {
    private let lock = DispatchQueue(label: "results")
    private var outcomes: [Int: VMOutcome] = [:]
    func set(_ n: Int, _ o: VMOutcome) { lock.sync { outcomes[n] = o } }
    func get(_ n: Int) -> VMOutcome? { lock.sync { outcomes[n] } }
}
