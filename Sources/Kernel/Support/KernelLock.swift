#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The kernel's big lock: a pthread mutex with three condition variables: one on which idle
/// execution slots sleep, one on which callers outside the kernel (the shell) wait for
/// something to end or arrive, and one on which an outside caller waits only for time to
/// pass (so that every process exit does not wake it).
///
/// Written here rather than taken from a package because the scheduler needs a condition
/// variable bound to the same mutex with a timed wait, and ThreadSanitizer understands
/// pthread primitives directly (`Synchronization.Mutex` reports false races on Linux).
final class KernelLock: @unchecked Sendable {  // the pthread objects guard themselves
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let slotCondition: UnsafeMutablePointer<pthread_cond_t>
    private let externalCondition: UnsafeMutablePointer<pthread_cond_t>
    private let pauseCondition: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        slotCondition = .allocate(capacity: 1)
        externalCondition = .allocate(capacity: 1)
        pauseCondition = .allocate(capacity: 1)
        var mutexAttributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&mutexAttributes)
        #if os(Linux)
            // glibc's PTHREAD_MUTEX_ADAPTIVE_NP (not exported to Swift): spin briefly before
            // sleeping. Critical sections here are short; sleeping on every contended lock
            // made slots and the shell trade futex wake-ups (measured with perf on `bench spawn`).
            pthread_mutexattr_settype(&mutexAttributes, 3)
        #endif
        pthread_mutex_init(mutex, &mutexAttributes)
        pthread_mutexattr_destroy(&mutexAttributes)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if os(Linux)
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(slotCondition, &attributes)
        pthread_cond_init(externalCondition, &attributes)
        pthread_cond_init(pauseCondition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(slotCondition)
        pthread_cond_destroy(externalCondition)
        pthread_cond_destroy(pauseCondition)
        pthread_mutex_destroy(mutex)
        slotCondition.deallocate()
        externalCondition.deallocate()
        pauseCondition.deallocate()
        mutex.deallocate()
    }

    /// How many times a caller found the lock taken and had to wait for it. Written and read
    /// only with the lock held (the scheduler compares it across a slice: see `runSlice`).
    private(set) var contended: UInt64 = 0

    /// Takes the lock, counting it in ``contended`` when it had to wait.
    @inline(__always)
    func lock() {
        guard pthread_mutex_trylock(mutex) != 0 else { return }
        pthread_mutex_lock(mutex)
        contended &+= 1
    }

    func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` with the lock held.
    @inline(__always)
    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock()
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// An idle slot sleeps until signalled or until `nanoseconds` have passed. The lock must
    /// be held; it is held again on return. Returns whether the time ran out.
    @discardableResult
    func waitForWork(nanoseconds: UInt64?) -> Bool { wait(slotCondition, nanoseconds: nanoseconds) }

    /// A caller outside the kernel sleeps until something ends or `nanoseconds` have passed.
    /// The lock must be held; it is held again on return.
    func waitForChange(nanoseconds: UInt64?) { _ = wait(externalCondition, nanoseconds: nanoseconds) }

    /// A caller outside the kernel lets time pass: it sleeps `nanoseconds` unless the kernel
    /// shuts down. The lock must be held; it is held again on return.
    func pause(nanoseconds: UInt64) { _ = wait(pauseCondition, nanoseconds: nanoseconds) }

    /// Waits on `condition`; returns whether the time ran out.
    private func wait(_ condition: UnsafeMutablePointer<pthread_cond_t>, nanoseconds: UInt64?) -> Bool {
        guard let nanoseconds else {
            pthread_cond_wait(condition, mutex)
            return false
        }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let total = UInt64(now.tv_nsec) + nanoseconds % 1_000_000_000
        var deadline = timespec()
        deadline.tv_sec = now.tv_sec + Int(nanoseconds / 1_000_000_000) + Int(total / 1_000_000_000)
        deadline.tv_nsec = Int(total % 1_000_000_000)
        return pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT
    }

    /// Wakes one sleeping slot.
    func signalSlot() { pthread_cond_signal(slotCondition) }
    /// Wakes every sleeping slot.
    func broadcastSlots() { pthread_cond_broadcast(slotCondition) }
    /// Wakes every caller waiting outside the kernel.
    func broadcastChange() { pthread_cond_broadcast(externalCondition) }
    /// Wakes every caller pausing outside the kernel (shutdown).
    func broadcastPause() { pthread_cond_broadcast(pauseCondition) }
}
