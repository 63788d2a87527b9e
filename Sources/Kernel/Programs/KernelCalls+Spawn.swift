import Language
import VM

extension KernelCalls {
    /// `spawn(name, args, opts)`: starts a child of process `parent`.
    static func spawn(_ args: [Value], kernel: Kernel, parent: PID) -> SyscallResult {
        guard let name = args.first?.stringValue else {
            return typeError("spawn", "a program name", args.first)
        }
        var items: [Value] = []
        if args.count > 1 {
            guard case .list(let list) = args[1] else {
                return typeError("spawn", "a list of arguments", args[1])
            }
            items = list
        }
        guard args.count > 2 else {  // the usual spawn: no options to build, copy and destroy
            do {
                let (executable, arguments) = try kernel.resolveSpawn(name, items)
                return .value(.pid(Int64(try kernel.spawn(executable, arguments: arguments, parent: parent))))
            } catch {
                return .fail(kind: error.kind, message: "spawn: \(error.description)")
            }
        }
        var options: SpawnOptions
        switch spawnOptions(args[2]) {
        case .success(let parsed): options = parsed
        case .failure(let error): return .fail(kind: "value", message: "spawn: \(error.message)")
        }
        options.parent = parent
        do {
            let (executable, arguments) = try kernel.resolveSpawn(name, items)
            return .value(.pid(Int64(try kernel.spawn(executable, arguments: arguments, options: options))))
        } catch {
            return .fail(kind: error.kind, message: "spawn: \(error.description)")
        }
    }
}

extension Kernel {
    /// What a program's `spawn(reference, items)` starts: the executable `reference` names and
    /// the items as argument strings, found in one hold of the lock.
    func resolveSpawn(_ reference: String, _ items: [Value]) throws(KernelError) -> (Executable, [String]) {
        try lock.withLock { () throws(KernelError) -> (Executable, [String]) in
            (try registry.resolve(reference), spawnArguments.arguments(for: items))
        }
    }
}
