import Language

extension Kernel {
    /// Arms a timer for init to start a supervised program again, or gives up when it has
    /// restarted too often within its period. Lock held.
    func scheduleRestart(of process: KProcess, policy: RestartPolicy) {
        let current = now
        let window = UInt64(policy.periodSeconds * 1_000_000_000)
        let history = (process.restartHistory + [current]).filter { current &- $0 <= window }
        guard history.count <= policy.maxRestarts else {
            record(
                .giveUp, pid: process.pid,
                detail:
                    "\(process.executable.reference): \(policy.maxRestarts) restarts within \(policy.periodSeconds)s"
            )
            return
        }
        var options = SpawnOptions(nice: process.nice, restart: policy)
        options.memoryBytes = process.limits.memoryBytes
        options.maxThreads = process.limits.maxThreads
        options.mailboxLimit = process.limits.mailboxLimit
        options.parallel = process.limits.parallel
        options.parent = WellKnownPID.initProcess
        let ticket = RestartTicket(
            executable: process.executable, arguments: process.arguments, options: options,
            restartCount: process.restartCount + 1, lineage: process.lineage ?? RestartLineage(),
            history: history)
        let delay = RestartPolicy.backoffMilliseconds(attempt: history.count)
        scheduleTimer(at: current &+ UInt64(delay) * 1_000_000, .restart(ticket))
    }

    /// Lock held.
    func performRestart(_ ticket: RestartTicket) {
        let runnable = ticket.executable.makeMain(ticket.arguments)
        do {
            let pid = try spawnLocked(
                ticket.executable, arguments: ticket.arguments, options: ticket.options, runnable: runnable,
                restartCount: ticket.restartCount, lineage: ticket.lineage)
            processes[pid]?.restartHistory = ticket.history
            ticket.lineage.restarts += 1
            counters.restarts &+= 1
            record(.restart, pid: pid, peer: ticket.restartCount, detail: ticket.executable.reference)
        } catch {
            record(.giveUp, pid: WellKnownPID.initProcess, detail: "\(ticket.executable.reference): \(error)")
        }
    }
}
