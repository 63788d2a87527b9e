import Kernel

extension CommandCatalogue {
    /// `wait [PID...] [--timeout DURATION]`: waits for each process in turn and reports how it
    /// ended. When one cannot be waited for (the time passed, it can never end, Ctrl-C, an
    /// unknown PID), the rest are only looked at: those that ended are reported (and reaped)
    /// before the failure, so no exit goes unreported.
    static func waitCommand(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(
            input.words, options: ["--timeout", "-t"], aliases: ["-t": "--timeout"])
        var timeout: Double?
        if let text = arguments.options["--timeout"] {
            guard let milliseconds = Quantity.milliseconds(text) else {
                throw .usage("--timeout takes a duration like 500ms or 2s, not '\(text)'")
            }
            timeout = milliseconds
        }
        var pids = try arguments.positionals.map { (word) throws(CommandFailure) -> PID in
            try session.pid(word)
        }
        if pids.isEmpty {
            pids = session.kernel.processList().filter { $0.ppid == session.shellPID }.map(\.pid)
        }
        for (index, pid) in pids.enumerated() {
            let rest = pids[(index + 1)...]
            let status: ExitStatus?
            do {
                status = try session.awaitExit(pid, timeoutMilliseconds: timeout)
            } catch {
                _ = session.reportEnded(rest)
                throw error
            }
            guard let status else {
                let running = [pid] + session.reportEnded(rest)
                let list = running.map(String.init).joined(separator: ", ")
                throw .failure("\(list) still running after \(Units.fixed(timeout ?? 0, 0)) ms")
            }
            session.reportExit(pid, status)
        }
    }
}

extension ShellSession {
    /// Waits for `pid` to end; throws when the timeout passes first.
    func waitForExit(_ pid: PID, timeoutMilliseconds: Double?) throws(CommandFailure) -> ExitStatus {
        guard let status = try awaitExit(pid, timeoutMilliseconds: timeoutMilliseconds) else {
            throw .failure("\(pid) still running after \(Units.fixed(timeoutMilliseconds ?? 0, 0)) ms")
        }
        return status
    }

    /// Waits for `pid` to end, a slice at a time so that Ctrl-C can interrupt and a process
    /// that can never end (every thread blocked, nothing pending) is reported, not waited on
    /// forever; in deterministic mode, without a timeout, it gives up after an hour of virtual
    /// time (``deterministicPatience``). Nil when the timeout passes first.
    func awaitExit(_ pid: PID, timeoutMilliseconds: Double?) throws(CommandFailure) -> ExitStatus? {
        var remaining = timeoutMilliseconds
        let started = kernel.uptimeNanoseconds
        while true {
            let slice = min(remaining ?? 100, 100)
            do {
                if let status = try kernel.wait(pid, timeoutMilliseconds: slice) { return status }
            } catch {
                throw error.failure
            }
            if interrupted { throw .failure("interrupted") }
            if let left = remaining {
                remaining = left - slice
                if left - slice <= 0 { return nil }
            }
            if kernel.configuration.deterministic && kernel.isIdle {
                throw .failure("\(pid) can never end: all its threads are blocked and nothing is pending")
            }
            if remaining == nil && outlastsDeterministicPatience(since: started) {
                throw .failure(
                    "\(pid) has not ended after an hour of virtual time (use --timeout to wait longer)")
            }
        }
    }

    /// How long, in virtual nanoseconds, a deterministic `wait` or `recv` without a timeout
    /// waits: an hour. The virtual clock runs as fast as the machine allows, so a process
    /// that keeps a timer going (a server's `after`) would otherwise keep the shell busy for
    /// ever without a single real second passing that Ctrl-C could be pressed in.
    static let deterministicPatience: UInt64 = 3_600 * 1_000_000_000

    /// Whether a deterministic kernel's clock has run ``deterministicPatience`` past `start`.
    func outlastsDeterministicPatience(since start: UInt64) -> Bool {
        kernel.configuration.deterministic
            && kernel.uptimeNanoseconds &- start >= ShellSession.deterministicPatience
    }

    /// Reports (and reaps) those of `pids` that have ended, without waiting; returns the
    /// ones still running. Unknown PIDs are left out of both.
    func reportEnded(_ pids: ArraySlice<PID>) -> [PID] {
        var running: [PID] = []
        for pid in pids {
            do {
                if let status = try kernel.wait(pid, timeoutMilliseconds: 0) {
                    reportExit(pid, status)
                } else {
                    running.append(pid)
                }
            } catch {
                continue
            }
        }
        return running
    }

    /// `3 exited with code 5 (normal)`; `$?` becomes the exit code.
    func reportExit(_ pid: PID, _ status: ExitStatus) {
        console.out("\(pid) exited with code \(status.code) (\(status.reason))")
        lastStatus = Int32(truncatingIfNeeded: status.code)
    }
}
