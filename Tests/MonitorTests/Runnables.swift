import Kernel

/// Native runnables for monitor tests.
enum Runnables {
    /// Blocks receiving; a message ends it.
    static func idle() -> ClosureRunnable {
        ClosureRunnable { slice in
            slice.used = 1
            if slice.thread.takeMessage() != nil { return .finished(.int(0)) }
            return .blocked(.receive(timeoutMilliseconds: nil))
        }
    }

    /// Uses `reductions` per slice, then sleeps 10 ms: busy, but lets virtual time move.
    static func busy(_ reductions: Int) -> ClosureRunnable {
        ClosureRunnable { slice in
            slice.used = min(reductions, slice.budget)
            return .blocked(.sleep(milliseconds: 10))
        }
    }
}

/// `name@version` running `make()`.
func program(_ name: String, version: String = "1.0.0", _ make: @escaping @Sendable () -> Runnable)
    -> Executable
{
    Executable(name: name, version: version) { _ in make() }
}
