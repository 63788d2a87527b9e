import Language
import VM

/// The kernel's side of every VM thread: kernel calls, mailbox access and memory accounting.
/// One per kernel; a VM thread's `hostTag` points at its kernel thread.
final class KernelVMHost: VMHost, @unchecked Sendable {  // `kernel` is set once, before any thread runs
    /// The kernel; set by the kernel's initializer. Unmanaged: VM threads run only inside
    /// their kernel, and a weak load per kernel call cost 1.6 % of the ring benchmark (an
    /// unowned one still retained it for the call).
    var kernel: Unmanaged<Kernel>?

    /// The running thread behind a VM thread. Its `hostTag` holds the address of its `KThread`
    /// (set by `VMThread.run(_:)`, its runnable side, before every slice): the thread is alive while its VM runs,
    /// because the slot running it holds it, so no lookup or lock is needed.
    func handle(_ vm: VMThread) -> ThreadHandle? {
        guard let kernel, let pointer = UnsafeRawPointer(bitPattern: vm.hostTag) else { return nil }
        return ThreadHandle(
            kernel: kernel.takeUnretainedValue(),
            thread: Unmanaged<KThread>.fromOpaque(pointer).takeUnretainedValue())
    }

    /// The kernel and the thread are borrowed for the call, like ``send(_:_:thread:)``'s (see
    /// ``withRunning(_:_:)``).
    func syscall(_ call: KernelCall, _ args: [Value], thread vm: VMThread) -> SyscallResult {
        withRunning(vm) { kernel, thread in
            KernelCalls.perform(call, args, kernel: kernel, thread: thread, vm: vm)
        } ?? .terminate
    }

    func send(_ target: Value, _ message: Value, thread vm: VMThread) -> SyscallResult {
        let address: Address
        switch target {  // a PID or TID: the common case, without a handle
        case .pid(let pid): address = .process(Int(pid))
        case .tid(let tid): address = .thread(Int(tid))
        default:
            guard let handle = handle(vm) else { return .terminate }
            return KernelCalls.send(target, message, handle)
        }
        let sent = withRunning(vm) { kernel, thread in
            if kernel.trySend(message, to: address, from: thread) { return true }
            thread.pendingRequest = .send(to: address, message: message)  // a full mailbox: wait
            thread.unwrapJoin = false
            return false
        }
        guard let sent else { return .terminate }
        return sent ? .value(.nil) : .block
    }

    func peekMessage(at index: Int, thread vm: VMThread) -> Value? {
        withRunning(vm) { kernel, thread in
            kernel.scansAlone(thread)
                ? kernel.peekAlone(thread, at: index) : kernel.peekMessage(of: thread, at: index)?.value
        } ?? nil
    }

    func removeMessage(at index: Int, thread vm: VMThread) -> Bool {
        withRunning(vm) { kernel, thread in
            kernel.scansAlone(thread)
                ? kernel.takeAlone(thread, at: index) : kernel.removeMessage(of: thread, at: index) != nil
        } ?? false
    }

    func takeFirstMessage(thread vm: VMThread) -> SyscallResult {
        withRunning(vm) { kernel, thread in
            if kernel.scansAlone(thread) {
                if let message = kernel.takeFirstAlone(thread) { return .value(message) }
            } else {
                while kernel.peekMessage(of: thread, at: 0) != nil {
                    if let taken = kernel.removeMessage(of: thread, at: 0) { return .value(taken.value) }
                }  // else another thread of the process took it: look again
            }
            thread.pendingRequest = .receive(timeoutMilliseconds: nil)  // the miss left its mark
            return SyscallResult.block
        } ?? .terminate
    }

    /// Runs `body` with the kernel and the running thread behind `vm`, without retaining
    /// either (both outlive the call: see ``handle(_:)``). For the calls a message hop makes;
    /// building a ``ThreadHandle`` retained and released both on every call.
    @inline(__always)
    private func withRunning<R>(_ vm: VMThread, _ body: (Kernel, KThread) -> R) -> R? {
        guard let kernel, let pointer = UnsafeRawPointer(bitPattern: vm.hostTag) else { return nil }
        return kernel._withUnsafeGuaranteedRef { kernel in
            Unmanaged<KThread>.fromOpaque(pointer)._withUnsafeGuaranteedRef { body(kernel, $0) }
        }
    }

    func waitForMessage(timeout: Int64?, thread vm: VMThread) -> SyscallResult {
        withRunning(vm) { _, thread in
            thread.pendingRequest = .receive(timeoutMilliseconds: timeout.map { Int(clamping: $0) })
            return SyscallResult.block
        } ?? .terminate
    }

    /// Books `bytes` to the thread; when its process goes over quota, measures the thread's
    /// live heap first, and ends the process only if it is still over.
    func allocate(bytes: Int, thread vm: VMThread) -> Bool {
        guard let handle = handle(vm) else { return false }
        let kernel = handle.kernel
        let over = kernel.lock.withLock { () -> Bool in
            handle.thread.memory += bytes
            handle.thread.allocatedSinceMeasure += bytes
            return kernel.memory(of: handle.thread.process) > handle.thread.process.limits.memoryBytes
                || handle.thread.allocatedSinceMeasure > KernelVMHost.remeasureBytes
        }
        guard over else { return true }
        let live = vm.heapBytes
        return kernel.lock.withLock {
            handle.thread.memory = live
            handle.thread.allocatedSinceMeasure = 0
            let process = handle.thread.process
            let total = kernel.memory(of: process)
            guard total > process.limits.memoryBytes else { return true }
            kernel.record(.quota, pid: process.pid, detail: "memory \(total) > \(process.limits.memoryBytes)")
            kernel.exitProcess(process, ExitStatus(code: Signal.kill.exitCode, reason: "out of memory"))
            return false
        }
    }

    /// Allocations after which a thread's live heap is measured again.
    static let remeasureBytes = 1 << 20
}

extension Kernel {
    /// Heap bytes of a process: its threads' accounted memory. Lock held.
    func memory(of process: KProcess) -> Int {
        process.threads.reduce(process.memoryUsed) { $0 + $1.memory }
    }
}
