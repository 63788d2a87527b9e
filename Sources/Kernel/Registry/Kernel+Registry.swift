/// One row of `programs`.
public struct ProgramInfo: Sendable, Equatable {
    public var name: String
    public var version: String
    public var type: ExecutableType
    public var source: String
    public var isDefault: Bool
    /// Live processes running this version.
    public var processes: Int
}

extension Kernel {
    /// Loads an executable into the registry. Returns whether it became the default version.
    @discardableResult
    public func load(_ executable: Executable) throws(KernelError) -> Bool {
        try lock.withLock { () throws(KernelError) -> Bool in try registry.add(executable) }
    }

    /// Finds `name` (default version) or `name@version`.
    public func executable(_ reference: String) throws(KernelError) -> Executable {
        try lock.withLock { () throws(KernelError) -> Executable in try registry.resolve(reference) }
    }

    /// Spawns `name` or `name@version` from the registry.
    public func spawn(_ reference: String, arguments: [String] = [], options: SpawnOptions = SpawnOptions())
        throws(KernelError) -> PID
    {
        try spawn(executable(reference), arguments: arguments, options: options)
    }

    /// Hot swap: new spawns of `name` get `version`; running processes keep theirs.
    public func swap(_ name: String, to version: String) throws(KernelError) {
        try lock.withLock { () throws(KernelError) in
            try registry.setDefault(name, version: version)
            record(.policy, pid: WellKnownPID.initProcess, detail: "swap \(name)@\(version)")
        }
    }

    /// Unloads name@version; refused while a live process runs it.
    public func unload(_ name: String, version: String) throws(KernelError) {
        try lock.withLock { () throws(KernelError) in
            guard let parsed = SemanticVersion(version), (try? registry.resolve("\(name)@\(version)")) != nil
            else {
                throw .noSuchExecutable("\(name)@\(version)")
            }
            let users = processes.values.filter {
                !$0.isExited && $0.executable.name == name && $0.executable.version == version
            }
            guard users.isEmpty else {
                throw .notPermitted("\(name)@\(version) is in use by \(users.count) process(es)")
            }
            registry.remove(name, version: parsed)
        }
    }

    /// The loaded executables.
    public func programs() -> [ProgramInfo] {
        lock.withLock {
            var users: [String: Int] = [:]
            for process in processes.values where !process.isExited {
                users[process.executable.reference, default: 0] += 1
            }
            return registry.all.map { entry in
                ProgramInfo(
                    name: entry.executable.name, version: entry.executable.version,
                    type: entry.executable.type,
                    source: entry.executable.source, isDefault: entry.isDefault,
                    processes: users[entry.executable.reference] ?? 0)
            }
        }
    }
}
