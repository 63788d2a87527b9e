import Language
import VM

extension KernelCalls {
    /// lock, unlock, sem_*, barrier_*, event_*.
    static func coordination(_ call: KernelCall, _ args: [Value], _ handle: ThreadHandle) -> SyscallResult {
        let kernel = handle.kernel
        let thread = handle.thread
        guard let name = args[0].stringValue ?? (args[0].intValue.map { String($0) }) else {
            return typeError(call.name, "a name", args[0])
        }
        func wait(_ kind: CoordinationKey.Kind) -> SyscallResult {
            block(
                handle,
                .coordination(
                    CoordinationKey(kind: kind, name: name), timeoutMilliseconds: milliseconds(args, 1)))
        }
        do {
            return try kernel.lock.withLock { () throws(KernelError) -> SyscallResult in
                let table = kernel.coordination(of: thread.process)
                switch call {
                case .lock:
                    if table.locks[name]?.owner === thread {
                        throw KernelError.invalid("lock: thread \(thread.tid) already holds '\(name)'")
                    }
                    return wait(.lock)
                case .unlock:
                    try kernel.releaseLock(name, by: thread)
                    return .value(.nil)
                case .semCreate:
                    guard let count = args[1].intValue, count >= 0 else {
                        throw KernelError.invalid("sem_create: the count must be an int >= 0")
                    }
                    table.semaphores[name] = CoordinationTable.SemaphoreState(count: Int(count))
                    return .value(.nil)
                case .semWait:
                    guard table.semaphores[name] != nil else {
                        throw KernelError.invalid("no semaphore '\(name)' (sem_create it first)")
                    }
                    return wait(.semaphore)
                case .semPost:
                    try kernel.postSemaphore(name, in: thread.process)
                    return .value(.nil)
                case .barrierCreate:
                    guard let parties = args[1].intValue, parties >= 1 else {
                        throw KernelError.invalid("barrier_create: the number of threads must be an int >= 1")
                    }
                    table.barriers[name] = CoordinationTable.BarrierState(parties: Int(parties))
                    return .value(.nil)
                case .barrierWait:
                    guard table.barriers[name] != nil else {
                        throw KernelError.invalid("no barrier '\(name)' (barrier_create it first)")
                    }
                    return wait(.barrier)
                case .eventSet:
                    kernel.setEvent(name, in: thread.process)
                    return .value(.nil)
                case .eventClear:
                    table.events[name, default: CoordinationTable.EventState()].isSet = false
                    return .value(.nil)
                case .eventWait:
                    return wait(.event)
                case .eventCreate:
                    let mode = args.count > 1 ? args[1].stringValue : "manual"
                    guard mode == "manual" || mode == "auto" else {
                        throw KernelError.invalid("event_create: the mode is \"manual\" or \"auto\"")
                    }
                    table.events[name] = CoordinationTable.EventState(isSet: false, autoReset: mode == "auto")
                    return .value(.nil)
                default:
                    return .fail(kind: "unsupported", message: "\(call.name) is not a coordination call")
                }
            }
        } catch {
            return .fail(kind: error.kind, message: error.description)
        }
    }
}

extension KernelCalls {
    /// `tool(path, args, ms)`: runs an allowed OS program and returns `{code, output}`.
    static func tool(_ args: [Value], _ handle: ThreadHandle) -> SyscallResult {
        guard let path = args[0].stringValue else { return typeError("tool", "a program path", args[0]) }
        let kernel = handle.kernel
        guard kernel.configuration.allowedTools.contains(path) else {
            return .fail(
                kind: "permission",
                message: "tool: '\(path)' is not allowed (start dkctl with --allow-tool \(path))")
        }
        var arguments: [String] = []
        if args.count > 1 {
            guard case .list(let items) = args[1] else {
                return typeError("tool", "a list of arguments", args[1])
            }
            arguments = items.map(\.printString)
        }
        kernel.lock.withLock { handle.thread.calls &+= 1 }
        switch kernel.startTool(path, arguments, for: handle.thread, keepOutput: true) {
        case .failure(let error):
            return .fail(kind: error.kind, message: "tool: \(error.description)")
        case .success(let id):
            if let ms = milliseconds(args, 2) {
                kernel.lock.withLock { kernel.armToolDeadline(id, milliseconds: ms) }
            }
            return block(handle, .tool(id))
        }
    }
}
