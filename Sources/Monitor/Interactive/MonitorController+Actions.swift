import Kernel

extension MonitorController {
    /// Sends `signal` to the targets (tagged processes, else the selected one); the outcome
    /// goes to the status line. Kernel refusals (init, the shell, a process that just ended)
    /// are reported, never thrown.
    func send(_ signal: Signal) {
        let targets = table.targets
        guard !targets.isEmpty else { return }
        var failures: [String] = []
        for pid in targets {
            do throws(KernelError) {
                try kernel.kill(pid, signal)
            } catch {
                failures.append("\(pid): \(error.description)")
            }
        }
        report(
            done: "Sent \(signal.rawValue) to", count: targets.count - failures.count, pid: targets, failures)
        tick()
    }

    /// Changes the nice value of the targets by `delta` (−1 runs earlier), within −20…19.
    func renice(by delta: Int) {
        let targets = table.targets
        guard !targets.isEmpty else { return }
        var failures: [String] = []
        var last = 0
        for pid in targets {
            guard let process = kernel.process(pid) else {
                failures.append("\(pid): \(KernelError.noSuchProcess(pid).description)")
                continue
            }
            last = min(19, max(-20, process.priority + delta))
            do throws(KernelError) {
                try kernel.renice(pid, to: last)
            } catch {
                failures.append("\(pid): \(error.description)")
            }
        }
        let what = targets.count == 1 ? "Nice \(last) for" : "Reniced (\(delta > 0 ? "+" : "")\(delta))"
        report(done: what, count: targets.count - failures.count, pid: targets, failures)
        tick()
    }

    private func report(done: String, count: Int, pid targets: [PID], _ failures: [String]) {
        if let first = failures.first {
            let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
            status = (first + more, true)
        } else if targets.count == 1 {
            status = ("\(done) \(targets[0])", false)
        } else {
            status = ("\(done) \(count) processes", false)
        }
    }
}
