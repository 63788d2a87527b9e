import Language

/// The argument array of a kernel call from the slow path (`VMHost.syscall` takes `[Value]`)
/// reuses one buffer per thread: a call with arguments then costs no `malloc` and `free`,
/// unless the host keeps the array (then the next call's `removeAll` makes a new buffer).
extension VMThread {
    /// The thread's empty argument buffer, moved out of the thread for the call.
    @inline(__always)
    func takeSyscallArguments() -> [Value] {
        var args: [Value] = []
        swap(&args, &syscallArguments)
        return args
    }

    /// Empties `args` (releasing the values at once) and keeps its buffer for the next call.
    /// One `removeLast()` per argument: `removeAll(keepingCapacity:)` goes through the general
    /// `replaceSubrange`, about 200 instructions for the one to three arguments of a call.
    @inline(__always)
    func returnSyscallArguments(_ args: inout [Value]) {
        while !args.isEmpty { args.removeLast() }
        swap(&args, &syscallArguments)
    }
}
