import Language

/// Anything the scheduler can run on an execution slot: a VM thread, or native Swift code in
/// tests and benchmarks.
///
/// The contract: run for at most `slice.budget` reductions (count them in `slice.used`), then
/// say why you stopped. A runnable is only ever run by one slot at a time, so it needs no
/// locking of its own state.
public protocol Runnable: AnyObject {
    /// Runs one time slice. `slice.wake` carries the answer to the request that blocked it last.
    func run(_ slice: inout Slice) -> RunOutcome

    /// Called once its thread has ended and left its slot: free what it holds now (it never
    /// runs again). The thread object may live on for listings.
    func end()
}

extension Runnable {
    public func end() {}
}

/// One time slice given to a runnable.
public struct Slice {
    /// The most reductions this slice may use.
    public let budget: Int
    /// Reductions used so far; the runnable adds to it.
    public var used: Int = 0
    /// The answer to the wait request the thread blocked on, if it blocked.
    public let wake: Wake?
    /// The kernel and the thread, unretained: the slot running the slice holds both for its
    /// whole length, and retaining them cost every slice two retains and two releases.
    private unowned(unsafe) let kernel: Kernel
    private unowned(unsafe) let runningThread: KThread

    init(budget: Int, wake: consuming Wake?, kernel: Kernel, thread: KThread) {
        self.budget = budget
        self.wake = wake
        self.kernel = kernel
        self.runningThread = thread
    }

    /// The thread being run: the way back into the kernel for kernel calls.
    public var thread: ThreadHandle { ThreadHandle(kernel: kernel, thread: runningThread) }

    /// The running thread, to borrow without a retain.
    var unmanagedThread: Unmanaged<KThread> { .passUnretained(runningThread) }
}

/// Why a runnable gave its slot back.
public enum RunOutcome {
    /// Budget used up or `yield()`: put it back in the run queue.
    case yielded
    /// Park it until the request is satisfied (or times out).
    case blocked(WaitRequest)
    /// The thread returned this value. For a main thread, an int is the exit code.
    case finished(Value)
    /// An uncaught runtime error; the reason names `file:line`. A main thread's process exits 70.
    case failed(String)
    /// The thread's process was ended while it ran (by `exit`, a signal or a quota).
    case exited
}

/// What a woken thread is told.
public enum Wake: Sendable {
    /// The request completed with this value (a received message, a joined thread's result, …).
    case value(Value)
    /// The request failed; a program sees a catchable error of this kind (`timeout`, `noproc`, …).
    /// Boxed (`indirect`): rare, and inline its two strings made every wake-up 33 bytes,
    /// copied and destroyed through memory on every slice.
    indirect case failure(kind: String, message: String)
}
