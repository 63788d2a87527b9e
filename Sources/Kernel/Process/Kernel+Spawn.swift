import Language

extension Kernel {
    /// Starts a process running `executable` with `arguments`; returns its PID.
    /// The parent is `options.parent`, or init.
    public func spawn(
        _ executable: Executable, arguments: [String] = [], options: SpawnOptions = SpawnOptions()
    )
        throws(KernelError) -> PID
    {
        let runnable = executable.makeMain(arguments)
        return try lock.withLock { () throws(KernelError) -> PID in
            try spawnLocked(
                executable, arguments: arguments, options: options, runnable: runnable, restartCount: 0)
        }
    }

    /// Starts a child of `parent` with the default options, as a program's `spawn` without
    /// options does: building default ``SpawnOptions``, copying them into the lock's closure
    /// and destroying them cost a spawn about 200 instructions.
    func spawn(_ executable: Executable, arguments: [String], parent: PID) throws(KernelError) -> PID {
        let runnable = executable.makeMain(arguments)
        return try lock.withLock { () throws(KernelError) -> PID in
            try spawnLocked(
                executable, arguments: arguments, parent: parent, nice: 0, name: nil, restart: nil,
                limits: configuration.limits, runnable: runnable, restartCount: 0)
        }
    }

    /// Lock held.
    func spawnLocked(
        _ executable: Executable, arguments: [String], options: SpawnOptions, runnable: Runnable,
        restartCount: Int, lineage: RestartLineage? = nil
    ) throws(KernelError) -> PID {
        try spawnLocked(
            executable, arguments: arguments, parent: options.parent, nice: options.nice, name: options.name,
            restart: options.restart, limits: options.limits(over: configuration.limits), runnable: runnable,
            restartCount: restartCount, lineage: lineage)
    }

    /// Starts a child of `parent` (init when nil or exited), with the options taken apart.
    /// Lock held.
    private func spawnLocked(
        _ executable: Executable, arguments: [String], parent: PID?, nice: Int, name: String?,
        restart: RestartPolicy?, limits: ProcessLimits, runnable: Runnable, restartCount: Int,
        lineage: RestartLineage? = nil
    ) throws(KernelError) -> PID {
        guard processes.count < configuration.maxProcesses else {
            record(.quota, pid: parent ?? WellKnownPID.initProcess, detail: "process limit")
            throw .processLimit(configuration.maxProcesses)
        }
        guard (-20...19).contains(nice) else {
            throw .invalid("nice must be between -20 and 19, not \(nice)")
        }
        if let name, let holder = names[name] {
            throw .notPermitted("the name '\(name)' is taken by \(holder)")
        }
        var parentPID = parent ?? WellKnownPID.initProcess
        if processes[parentPID]?.isExited ?? true { parentPID = WellKnownPID.initProcess }
        let pid = nextID()
        let now = recentNow  // read once: each reading cost a spawn about 25 instructions
        let process = KProcess(
            pid: pid, parent: parentPID, executable: executable, arguments: arguments, nice: nice,
            restart: restart, limits: limits, restartCount: restartCount, lineage: lineage, now: now)
        processes[pid] = process
        processOrder.append(process)
        // init keeps no child set: nothing asks for init's children by PID (`ps` draws the tree
        // from parent links), and a set of every orphan cost two hashes per spawn and exit.
        if parentPID != WellKnownPID.initProcess, let parent = processes[parentPID] {
            if parent.children == nil { parent.children = ChildList() }
            parent.children?.insert(pid)
        }
        let main = KThread(tid: pid, process: process, name: "main", runnable: runnable, nice: nice, now: now)
        process.threads = ThreadList(main)
        threads[pid] = main
        if let name {
            try? registerLocked(name, for: pid)
        } else if executable.type == .service, names[executable.name] == nil {
            try? registerLocked(executable.name, for: pid)  // a service is reachable by its name
        }
        counters.spawned &+= 1
        record(.spawn, pid: parentPID, peer: pid, detail: executable.reference, at: now)
        enqueue(main)
        return pid
    }

    /// Starts another thread in `process`. Lock held.
    func spawnThreadLocked(in process: KProcess, name: String, runnable: Runnable) throws(KernelError) -> TID
    {
        guard !process.isExited else { throw .noSuchProcess(process.pid) }
        guard process.threads.count < process.limits.maxThreads else {
            record(.quota, pid: process.pid, detail: "thread limit \(process.limits.maxThreads)")
            throw .threadLimit(pid: process.pid, limit: process.limits.maxThreads)
        }
        let tid = nextID()
        let thread = KThread(
            tid: tid, process: process, name: name, runnable: runnable, nice: process.nice, now: recentNow)
        process.threads.append(thread)
        threads[tid] = thread
        record(.threadStart, pid: process.pid, tid: tid, detail: name)
        enqueue(thread)
        return tid
    }

    /// Starts another thread in process `pid`.
    public func spawnThread(in pid: PID, name: String, runnable: Runnable) throws(KernelError) -> TID {
        try lock.withLock { () throws(KernelError) -> TID in
            guard let process = processes[pid] else { throw .noSuchProcess(pid) }
            return try spawnThreadLocked(in: process, name: name, runnable: runnable)
        }
    }

    /// Registers a process with no threads that stands for a caller outside the kernel, such
    /// as the shell: it has a PID, a mailbox, and appears in `ps`.
    public func attachExternalProcess(name: String, version: String = "1.0.0") -> PID {
        lock.withLock {
            let pid = nextID()
            let executable = Executable(name: name, version: version, type: .service) { _ in
                ClosureRunnable { _ in .finished(.nil) }
            }
            let process = KProcess(
                pid: pid, parent: WellKnownPID.initProcess, executable: executable, arguments: [],
                options: SpawnOptions(), limits: configuration.limits, restartCount: 0, now: now)
            processes[pid] = process
            processOrder.append(process)
            externalProcesses.insert(pid)
            process.isExternal = true
            record(.spawn, pid: WellKnownPID.initProcess, peer: pid, detail: executable.reference)
            return pid
        }
    }
}
