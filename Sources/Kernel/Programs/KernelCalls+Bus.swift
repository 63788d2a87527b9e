import Language
import VM

extension KernelCalls {
    /// publish, subscribe, unsubscribe, broadcast, request, reply, call, monitor, demonitor.
    static func bus(_ call: KernelCall, _ args: [Value], _ handle: ThreadHandle) -> SyscallResult {
        let kernel = handle.kernel
        let me = handle.senderAddress
        do {
            switch call {
            case .publish:
                guard let topic = args[0].stringValue else {
                    return typeError("publish", "a topic string", args[0])
                }
                return .value(.int(Int64(try kernel.publish(topic, args[1], from: me))))
            case .subscribe:
                guard let pattern = args[0].stringValue else {
                    return typeError("subscribe", "a pattern string", args[0])
                }
                try kernel.subscribe(me, pid: handle.pid, to: pattern)
                return .value(.nil)
            case .unsubscribe:
                guard let pattern = args[0].stringValue else {
                    return typeError("unsubscribe", "a pattern string", args[0])
                }
                return .value(.bool(kernel.unsubscribe(me, from: pattern)))
            case .broadcast:
                var scope = BroadcastScope.children
                if args.count > 1 {
                    guard let name = args[1].stringValue, let parsed = BroadcastScope(rawValue: name) else {
                        return .fail(
                            kind: "value",
                            message: "broadcast: scope must be \"children\", \"descendants\" or \"all\"")
                    }
                    scope = parsed
                }
                return .value(
                    .int(Int64(try kernel.broadcast(args[0], scope: scope, from: handle.pid, sender: me))))
            case .request, .call:
                let target: PID
                if call == .call || args[0].stringValue != nil {
                    guard let name = args[0].stringValue else {
                        return typeError("call", "a service name", args[0])
                    }
                    guard let pid = kernel.registeredPID(name) else {
                        return .fail(
                            kind: "noproc", message: "\(call.name): no service or process named '\(name)'")
                    }
                    target = pid
                } else {
                    guard let pid = pidValue(args[0]) else { return typeError("request", "a pid", args[0]) }
                    target = pid
                }
                let timeout = milliseconds(args, 2) ?? 5000
                if call == .call { kernel.lock.withLock { handle.thread.calls &+= 1 } }
                let id = kernel.lock.withLock {
                    kernel.openRequest(args[1], to: target, from: me, requester: handle.thread, outsider: nil)
                }
                guard let id else {
                    return .fail(kind: "noproc", message: "\(call.name): no such process: \(target)")
                }
                return block(handle, .request(id, timeoutMilliseconds: timeout))
            case .reply:
                let id: Int64?
                if case .map(let map) = args[0] {
                    id = map["request"]?.intValue
                } else {
                    id = args[0].intValue
                }
                guard let id, id > 0 else {
                    return typeError("reply", "a request (the map received, or its id)", args[0])
                }
                let answered = kernel.lock.withLock {
                    kernel.answerRequest(UInt64(id), with: args[1], by: handle.pid)
                }
                return .value(.bool(answered))
            case .monitor, .demonitor:
                guard let pid = pidValue(args[0]) else { return typeError(call.name, "a pid", args[0]) }
                if call == .monitor { kernel.monitor(pid, by: me) } else { kernel.demonitor(pid, by: me) }
                return .value(.nil)
            default:
                return .fail(kind: "unsupported", message: "\(call.name) is not a bus call")
            }
        } catch {
            return .fail(kind: error.kind, message: "\(call.name): \(error.description)")
        }
    }
}
