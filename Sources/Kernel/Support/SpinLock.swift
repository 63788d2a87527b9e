#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A test-and-test-and-set lock for a few instructions of work: one atomic exchange to take
/// and one store to release when nobody else holds it (a pthread mutex costs a call and
/// twice the instructions). A waiter spins on a read, then yields its OS thread.
///
/// Used where the kernel lock is not held: the event log, which the lock-free message path
/// writes to. ThreadSanitizer sees its acquire/release ordering.
struct SpinLock: ~Copyable {
    private let taken = Atomic<Bool>(false)

    init() {}

    /// Runs `body` holding the lock.
    @inline(__always)
    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Takes the lock (for a critical section that does not fit a closure).
    @inline(__always)
    func lock() {
        if taken.exchange(true, ordering: .acquiring) { waitAndTake() }
    }

    @inline(__always)
    func unlock() {
        taken.store(false, ordering: .releasing)
    }

    private func waitAndTake() {
        repeat {
            var spins = 0
            while taken.load(ordering: .relaxed) {
                spins += 1
                if spins >= 64 {
                    sched_yield()
                    spins = 0
                }
            }
        } while taken.exchange(true, ordering: .acquiring)
    }
}
