import Kernel
import Language
import Foundation

/// Native runnables for kernel tests.
enum Runnables {
    /// Uses every reduction it is given, forever.
    static func spinner() -> ClosureRunnable {
        ClosureRunnable { slice in
            slice.used = slice.budget
            return .yielded
        }
    }

    /// Returns `code` at once.
    static func exits(_ code: Int64 = 0) -> ClosureRunnable {
        ClosureRunnable { slice in
            slice.used = 1
            return .finished(.int(code))
        }
    }

    /// Blocks receiving forever (an idle process).
    static func idle() -> ClosureRunnable {
        ClosureRunnable { slice in
            slice.used = 1
            if slice.thread.takeMessage() != nil { return .finished(.int(0)) }
            return .blocked(.receive(timeoutMilliseconds: nil))
        }
    }

    /// Runs `steps` in order, one per slice; each returns its outcome.
    static func script(_ steps: [(inout Slice) -> RunOutcome]) -> ClosureRunnable {
        var index = 0
        return ClosureRunnable { slice in
            slice.used = 1
            guard index < steps.count else { return .finished(.int(0)) }
            index += 1
            return steps[index - 1](&slice)
        }
    }
}

/// An executable around a runnable factory.
func program(_ name: String, _ make: @escaping @Sendable () -> Runnable) -> Executable {
    Executable(name: name) { _ in make() }
}

/// Collects printed lines from any thread.
final class Lines: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ line: String) { lock.withLock { storage.append(line) } }
    var all: [String] { lock.withLock { storage } }
}
