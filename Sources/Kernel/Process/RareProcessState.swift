import Language

/// The parts of a process that most processes never use: results of finished threads,
/// metrics, names, log lines, monitors, coordination, shared context, supervision, and
/// threads parked or waiting for it.
///
/// A process allocates it on first use (or at spawn under a restart policy), so that a
/// short-lived or idle process neither initialises nor releases these fields: each one
/// in ``KProcess`` cost every spawn and every exit a few instructions, and every process a
/// word of memory. Guarded by the kernel lock, like the process.
final class RareProcessState {
    /// Supervision by init, if it runs under a restart policy.
    let restart: RestartPolicy?
    /// How many times init restarted this program before this incarnation.
    let restartCount: Int
    /// Set when it runs under a restart policy: shared with its restarts.
    var lineage: RestartLineage?
    /// When init restarted it recently (kernel nanoseconds), for the max-restarts rule.
    var restartHistory: [UInt64] = []
    /// Return values of finished threads nobody has joined yet.
    var finishedResults: [TID: Value] = [:]
    /// Quality metrics it reported.
    var metrics: [String: MetricSummary] = [:]
    /// Names registered for it; freed when it exits.
    var registeredNames: [String] = []
    /// The last lines it printed, for `logs PID`.
    var logLines: [String] = []
    /// Who gets `{down: pid, code, reason}` when it exits.
    var monitors: [Address]?
    /// Its locks, semaphores, barriers and event flags (created on first use).
    var coordination: CoordinationTable?
    /// Its shared-context regions (created on first use).
    var context: ProcessContext?
    /// Threads parked while it is suspended.
    var stopped: [KThread]?
    /// Threads blocked in `wait` on it.
    var waiters: [KThread]?

    init(restart: RestartPolicy? = nil, restartCount: Int = 0, lineage: RestartLineage? = nil) {
        self.restart = restart
        self.restartCount = restartCount
        self.lineage = lineage
    }
}

// Each field of ``RareProcessState`` as a field of the process: reading one of a process
// without the side object gives the empty value and allocates nothing; changing one
// allocates the side object and changes it in place (`_modify`, so that appending to a
// list does not copy it). The parked and waiting threads moved here from the process: two
// fields fewer save each process 16 bytes, and each exit two releases.
extension KProcess {
    /// The side object, allocated now if the process has none.
    private var allocatedRare: RareProcessState {
        if let rare { return rare }
        let made = RareProcessState()
        rare = made
        return made
    }

    /// Supervision by init.
    var restart: RestartPolicy? { rare?.restart }

    /// How many times init restarted this program before this incarnation.
    var restartCount: Int { rare?.restartCount ?? 0 }

    /// Set when it runs under a restart policy: shared with its restarts.
    var lineage: RestartLineage? {
        get { rare?.lineage }
        _modify { yield &allocatedRare.lineage }
    }

    /// When init restarted it recently (kernel nanoseconds), for the max-restarts rule.
    var restartHistory: [UInt64] {
        get { rare?.restartHistory ?? [] }
        _modify { yield &allocatedRare.restartHistory }
    }

    /// Return values of finished threads nobody has joined yet.
    var finishedResults: [TID: Value] {
        get { rare?.finishedResults ?? [:] }
        _modify { yield &allocatedRare.finishedResults }
    }

    /// Quality metrics it reported.
    var metrics: [String: MetricSummary] {
        get { rare?.metrics ?? [:] }
        _modify { yield &allocatedRare.metrics }
    }

    /// Names registered for it; freed when it exits.
    var registeredNames: [String] {
        get { rare?.registeredNames ?? [] }
        _modify { yield &allocatedRare.registeredNames }
    }

    /// The last lines it printed, for `logs PID`.
    var logLines: [String] {
        get { rare?.logLines ?? [] }
        _modify { yield &allocatedRare.logLines }
    }

    /// Who gets `{down: pid, code, reason}` when it exits.
    var monitors: [Address]? {
        get { rare?.monitors }
        _modify { yield &allocatedRare.monitors }
    }

    /// Its locks, semaphores, barriers and event flags (created on first use).
    var coordination: CoordinationTable? {
        get { rare?.coordination }
        _modify { yield &allocatedRare.coordination }
    }

    /// Its shared-context regions (created on first use).
    var context: ProcessContext? {
        get { rare?.context }
        _modify { yield &allocatedRare.context }
    }

    /// Threads parked while it is suspended.
    var stopped: [KThread]? {
        get { rare?.stopped }
        _modify {
            if let rare {
                yield &rare.stopped
            } else {  // setting nil allocates nothing
                var value: [KThread]?
                yield &value
                if value != nil { allocatedRare.stopped = value }
            }
        }
    }

    /// Threads blocked in `wait` on it.
    var waiters: [KThread]? {
        get { rare?.waiters }
        _modify {
            if let rare {
                yield &rare.waiters
            } else {  // setting nil allocates nothing
                var value: [KThread]?
                yield &value
                if value != nil { allocatedRare.waiters = value }
            }
        }
    }
}
