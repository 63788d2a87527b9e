import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT/SIGTERM while the monitor runs: the C handler only stores the number, the loop polls
/// it, restores the terminal and returns. The previous handlers come back afterwards.
enum PendingSignal {
    static let number = Atomic<Int32>(0)

    /// Installs the handlers; returns what to call to put the previous ones back.
    static func install() -> () -> Void {
        number.store(0, ordering: .relaxed)
        var previous: [(Int32, sigaction)] = []
        for sig in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { PendingSignal.number.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            if sigaction(sig, &action, &old) == 0 { previous.append((sig, old)) }
        }
        return {
            for (sig, old) in previous {
                var restored = old
                sigaction(sig, &restored, nil)
            }
        }
    }

    static var pending: Int32 { number.load(ordering: .relaxed) }
}
