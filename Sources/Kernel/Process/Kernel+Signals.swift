import Language

extension Kernel {
    /// Sends a signal to a process or, if `id` is a thread that is not a main thread, to that
    /// thread alone (KILL/TERM/INT/… end the thread, STOP/CONT suspend and resume it).
    public func kill(_ id: Int, _ signal: Signal = .term) throws(KernelError) {
        try lock.withLock { () throws(KernelError) in try signalLocked(id, signal) }
    }

    /// Lock held.
    func signalLocked(_ id: Int, _ signal: Signal) throws(KernelError) {
        if let process = processes[id] {
            try signalProcess(process, signal)
        } else if let thread = threads[id] {
            signalThread(thread, signal)
        } else {
            throw .noSuchID(id)
        }
    }

    private func signalProcess(_ process: KProcess, _ signal: Signal) throws(KernelError) {
        guard !process.isExited else { throw .noSuchProcess(process.pid) }
        if process.pid == WellKnownPID.initProcess {
            throw .notPermitted("init (PID 1) cannot be signalled")
        }
        if process.isExternal {
            throw .notPermitted("\(process.pid) is the shell; use 'exit' to leave")
        }
        record(.signal, pid: process.pid, detail: signal.rawValue)
        if process.executable.type == .tool, !toolProcesses(of: process.pid).isEmpty {
            for osProcess in toolProcesses(of: process.pid) { osProcess.send(signal) }
            if signal == .stop || signal == .cont { process.suspended = signal == .stop }
            return
        }
        switch signal {
        case .kill:
            exitProcess(process, .signalled(.kill))
        case .stop:
            guard !process.suspended else { return }
            process.suspended = true
            for thread in process.threads where thread.state == .ready {  // out of the run queue now
                thread.state = .suspended
                process.stopped = (process.stopped ?? []) + [thread]
            }
            process.deferred = nil
            record(.suspend, pid: process.pid)
        case .cont:
            guard process.suspended else { return }
            process.suspended = false
            let parked = process.stopped ?? []
            process.stopped = nil
            for thread in parked where thread.state == .suspended { makeReady(thread) }
            record(.resume, pid: process.pid)
        case .term, .int, .hup, .usr1, .usr2:
            guard process.traps(signal) else {
                exitProcess(process, .signalled(signal))
                return
            }
            _ = deliver(
                .record(["signal": .str(signal.rawValue)]), to: .process(process.pid), from: nil, force: true)
            if signal == .term {
                let deadline = now &+ UInt64(configuration.termGraceMilliseconds) &* 1_000_000
                scheduleTimer(at: deadline, .escalate(process.pid))
            }
        }
    }

    private func signalThread(_ thread: KThread, _ signal: Signal) {
        let process = thread.process
        record(.signal, pid: process.pid, tid: thread.tid, detail: signal.rawValue)
        switch signal {
        case .stop, .cont:
            break  // threads are suspended with their process; a lone thread ignores these
        default:
            if thread.onSlot {
                thread.state = .finished  // the slot sees this when the slice ends
                retire(thread)
                process.threads.removeAll { $0 === thread }
            } else {
                finishThread(thread, result: .nil)
            }
        }
    }

    /// Asks for signals to arrive as messages `{signal: "NAME"}` instead of ending the process.
    public func trap(_ pid: PID, _ signal: Signal) throws(KernelError) {
        try lock.withLock { () throws(KernelError) in
            guard signal.isTrappable else { throw .invalid("\(signal.rawValue) cannot be trapped") }
            guard let process = processes[pid], !process.isExited else { throw .noSuchProcess(pid) }
            process.trapMask |= signal.bit
        }
    }

    /// Changes the nice value of a process and its threads.
    public func renice(_ pid: PID, to nice: Int) throws(KernelError) {
        try lock.withLock { () throws(KernelError) in
            guard (-20...19).contains(nice) else {
                throw .invalid("nice must be between -20 and 19, not \(nice)")
            }
            guard let process = processes[pid], !process.isExited else { throw .noSuchProcess(pid) }
            process.nice = nice
            for thread in process.threads { thread.nice = nice }
            record(.renice, pid: pid, detail: String(nice))
        }
    }
}
