extension Kernel {
    /// The live process registered under `name`, if any.
    public func registeredPID(_ name: String) -> PID? {
        lock.withLock { names[name] }
    }

    /// Registers `name` for `pid`, so that `send(name, msg)` reaches it. Fails when another
    /// live process holds the name. The name is freed when the process exits.
    public func register(_ name: String, for pid: PID) throws(KernelError) {
        try lock.withLock { () throws(KernelError) in try registerLocked(name, for: pid) }
    }

    /// Lock held.
    func registerLocked(_ name: String, for pid: PID) throws(KernelError) {
        guard !name.isEmpty, Int(name) == nil else {
            throw .invalid("a registered name must not be empty or a number")
        }
        guard let process = processes[pid], !process.isExited else { throw .noSuchProcess(pid) }
        if let holder = names[name], holder != pid {
            throw .notPermitted("the name '\(name)' is taken by \(holder)")
        }
        names[name] = pid
        process.registeredNames.append(name)
    }

    /// A message to a name nobody holds: a dead letter.
    func countDeadLetter(to name: String) {
        lock.withLock {
            messageCounters.deadLetters.wrappingAdd(1, ordering: .relaxed)
            messageCounters.sentWithoutID.wrappingAdd(1, ordering: .relaxed)
            counters.sendsLocked &+= 1
            record(.deadLetter, pid: 0, detail: "to '\(name)'")
        }
    }
}
