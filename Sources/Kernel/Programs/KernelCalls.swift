import Language
import VM

/// The kernel calls a program makes, one function per call, run on the slot that runs the
/// calling thread.
enum KernelCalls {
    /// Runs `call` for `thread`. `kernel` and `thread` are borrowed from the caller (see
    /// ``KernelVMHost/syscall(_:_:thread:)``); a call that needs a ``ThreadHandle`` builds one
    /// (`handle`): it holds both strongly, and building it for every call cost each kernel
    /// call two retains and two releases (a program spawn makes two calls per child).
    static func perform(_ call: KernelCall, _ args: [Value], kernel: Kernel, thread: KThread, vm: VMThread)
        -> SyscallResult
    {
        var handle: ThreadHandle { ThreadHandle(kernel: kernel, thread: thread) }
        switch call {
        case .`self`: return .value(.pid(Int64(thread.process.pid)))
        case .tid: return .value(.tid(Int64(thread.tid)))
        case .parent: return .value(.pid(Int64(thread.process.parent)))  // an atomic: no lock
        case .spawn: return spawn(args, kernel: kernel, parent: thread.process.pid)
        case .exit:
            let code = args.first?.intValue ?? 0
            handle.exit(code: Int(truncatingIfNeeded: code), reason: code == 0 ? "normal" : "exit(\(code))")
            return .terminate
        case .kill: return kill(args, handle)
        case .wait:
            guard let pid = args.first.flatMap(pidValue) else {
                return typeError("wait", "a pid", args.first)
            }
            return block(handle, .wait(pid, timeoutMilliseconds: milliseconds(args, 1)))
        case .trap:
            guard let name = args.first?.stringValue, let signal = Signal(parsing: name) else {
                return .fail(
                    kind: "value", message: "trap: unknown signal \(args.first?.description ?? "nil")")
            }
            do { try handle.trap(signal) } catch {
                return .fail(kind: error.kind, message: error.description)
            }
            return .value(.nil)
        case .join: return join(args, handle)
        case .yield: return .block
        case .sleep:
            return block(handle, .sleep(milliseconds: max(0, Int(clamping: args.first?.intValue ?? 0))))
        case .send: return send(args[0], args[1], handle)
        case .print:
            handle.print(args.first?.printString ?? "")
            return .value(.nil)
        case .log:
            handle.log(args.first?.printString ?? "")
            return .value(.nil)
        case .now: return .value(.int(Int64(handle.nowMilliseconds)))
        case .random: return random(args, handle)
        case .thread: return startThread(args, handle, vm)
        case .register:
            guard let name = args.first?.stringValue else {
                return typeError("register", "a name", args.first)
            }
            do { try handle.kernel.register(name, for: handle.pid) } catch {
                return .fail(kind: error.kind, message: "register: \(error.description)")
            }
            return .value(.nil)
        case .publish, .subscribe, .unsubscribe, .broadcast, .request, .reply, .call, .monitor, .demonitor:
            return bus(call, args, handle)
        case .ctxRead, .ctxReadAll, .ctxWrite, .ctxCas, .ctxIncr, .ctxRegion, .ctxLink, .ctxNeighbors,
            .ctxDelete:
            return context(call, args, handle)
        case .lock, .unlock, .semCreate, .semWait, .semPost, .barrierCreate, .barrierWait, .eventSet,
            .eventClear,
            .eventWait, .eventCreate:
            return coordination(call, args, handle)
        case .metric:
            guard let name = args[0].stringValue else { return typeError("metric", "a name", args[0]) }
            handle.kernel.recordMetric(name, args[1], thread: handle.thread)
            return .value(.nil)
        case .tool:
            return tool(args, handle)
        }
    }

    // MARK: - Calls

    private static func kill(_ args: [Value], _ handle: ThreadHandle) -> SyscallResult {
        guard let id = args.first.flatMap(idValue) else {
            return typeError("kill", "a pid or tid", args.first)
        }
        var signal = Signal.term
        if args.count > 1 {
            let text = args[1].stringValue ?? args[1].intValue.map(String.init) ?? ""
            guard let parsed = Signal(parsing: text) else {
                return .fail(kind: "value", message: "kill: unknown signal \(args[1].description)")
            }
            signal = parsed
        }
        do {
            try handle.kill(id, signal)
        } catch {
            return .fail(kind: error.kind, message: "kill: \(error.description)")
        }
        return handle.isProcessExited ? .terminate : .value(.nil)
    }

    private static func join(_ args: [Value], _ handle: ThreadHandle) -> SyscallResult {
        guard let first = args.first else { return typeError("join", "a tid or a list of tids", nil) }
        let timeout = milliseconds(args, 1)
        if case .list(let items) = first {
            var tids: [TID] = []
            for item in items {
                guard case .tid(let tid) = item else { return typeError("join", "a list of tids", item) }
                tids.append(Int(tid))
            }
            return block(handle, .join(tids, timeoutMilliseconds: timeout), unwrapSingle: false)
        }
        guard case .tid(let tid) = first else { return typeError("join", "a tid or a list of tids", first) }
        return block(handle, .join([Int(tid)], timeoutMilliseconds: timeout), unwrapSingle: true)
    }

    /// `send(target, message)`.
    static func send(_ target: Value, _ message: Value, _ handle: ThreadHandle) -> SyscallResult {
        let address: Address
        switch target {
        case .pid(let pid): address = .process(Int(pid))
        case .tid(let tid): address = .thread(Int(tid))
        case .int(let pid): address = .process(Int(pid))
        case .string(let name):
            guard let pid = handle.kernel.registeredPID(name.value) else {
                handle.kernel.countDeadLetter(to: name.value)
                return .value(.nil)
            }
            address = .process(pid)
        default: return typeError("send", "a pid, tid or registered name", target)
        }
        if handle.trySend(message, to: address) { return .value(.nil) }
        return block(handle, .send(to: address, message: message))
    }

    private static func random(_ args: [Value], _ handle: ThreadHandle) -> SyscallResult {
        let bits = handle.random()
        switch args.count {
        case 0: return .value(.float(Double(bits >> 11) / Double(1 << 53)))
        case 1:
            guard let n = args[0].intValue, n > 0 else {
                return typeError("random", "a positive int", args[0])
            }
            return .value(.int(Int64(bits % UInt64(n))))
        default:
            guard let low = args[0].intValue, let high = args[1].intValue, low <= high else {
                return .fail(kind: "value", message: "random(low, high) needs two ints with low <= high")
            }
            let span = UInt64(bitPattern: high &- low) &+ 1
            return .value(.int(low &+ Int64(bitPattern: span == 0 ? bits : bits % span)))
        }
    }

    private static func startThread(_ args: [Value], _ handle: ThreadHandle, _ vm: VMThread) -> SyscallResult
    {
        guard args.count == 2, case .list(let arguments) = args[1] else {
            return .fail(kind: "type", message: "thread: expected a function call")
        }
        let child: VMThread
        do {
            child = try VMThread(
                program: vm.program, callable: args[0], args: arguments, host: handle.kernel.vmHost)
        } catch {
            return .fail(kind: error.kind, message: error.message)
        }
        let name: String
        if case .function(let closure) = args[0] { name = closure.name } else { name = "thread" }
        do {
            return .value(
                .tid(Int64(try handle.spawnThread(name: name, runnable: child))))
        } catch {
            return .fail(kind: error.kind, message: "thread: \(error.description)")
        }
    }

    // MARK: - Helpers

    /// Parks the thread on `request`; the kernel wakes it with the answer. `unwrapSingle`
    /// turns a one-element join result into the element.
    static func block(_ handle: ThreadHandle, _ request: WaitRequest, unwrapSingle: Bool = false)
        -> SyscallResult
    {
        handle.thread.pendingRequest = request
        handle.thread.unwrapJoin = unwrapSingle
        return .block
    }

    static func milliseconds(_ args: [Value], _ index: Int) -> Int? {
        guard index < args.count else { return nil }
        switch args[index] {
        case .int(let ms): return max(0, Int(clamping: ms))
        case .float(let ms) where ms.isFinite: return max(0, Int(ms.rounded(.up)))
        default: return nil
        }
    }

    static func pidValue(_ value: Value) -> PID? {
        switch value {
        case .pid(let pid), .int(let pid): Int(pid)
        default: nil
        }
    }

    private static func idValue(_ value: Value) -> Int? {
        switch value {
        case .pid(let id), .tid(let id), .int(let id): Int(id)
        default: nil
        }
    }

    static func typeError(_ call: String, _ expected: String, _ got: Value?) -> SyscallResult {
        .fail(kind: "type", message: "\(call): expected \(expected), got \(got?.typeName ?? "nothing")")
    }

    /// `{priority: 5, memory: "16M", threads: 10, mailbox: 100, parallel: 2, restart: "on-failure", name: "db"}`.
    static func spawnOptions(_ value: Value) -> Result<SpawnOptions, OptionError> {
        guard case .map(let map) = value else { return .failure(OptionError("options must be a map")) }
        var options = SpawnOptions()
        for (key, item) in map {
            let name = key.stringValue ?? key.description
            switch name {
            case "priority", "nice":
                guard let nice = item.intValue, (-20...19).contains(nice) else {
                    return .failure(OptionError("priority must be an int from -20 to 19"))
                }
                options.nice = Int(nice)
            case "memory":
                guard let bytes = item.intValue.map(Int.init) ?? item.stringValue.flatMap(parseBytes),
                    bytes > 0
                else {
                    return .failure(OptionError("memory must be bytes, like 65536 or \"16M\""))
                }
                options.memoryBytes = bytes
            case "threads", "mailbox", "parallel":
                guard let count = item.intValue, count > 0 else {
                    return .failure(OptionError("\(name) must be a positive int"))
                }
                if name == "threads" { options.maxThreads = Int(count) }
                if name == "mailbox" { options.mailboxLimit = Int(count) }
                if name == "parallel" { options.parallel = Int(count) }
            case "restart":
                guard let mode = item.stringValue.flatMap(RestartPolicy.Mode.init(rawValue:)) else {
                    return .failure(OptionError("restart must be \"on-failure\" or \"always\""))
                }
                options.restart = RestartPolicy(mode: mode)
            case "name":
                guard let text = item.stringValue, !text.isEmpty else {
                    return .failure(OptionError("name must be a string"))
                }
                options.name = text
            default:
                return .failure(OptionError("unknown option '\(name)'"))
            }
        }
        return .success(options)
    }

    private static func parseBytes(_ text: String) -> Int? {
        let upper = text.uppercased()
        for (suffix, scale) in [("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30)] where upper.hasSuffix(suffix)
        {
            return Int(upper.dropLast()).map { $0 * scale }
        }
        return Int(upper)
    }
}

/// A bad spawn option.
struct OptionError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
