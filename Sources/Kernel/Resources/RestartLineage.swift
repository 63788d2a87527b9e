/// The incarnations of one program started with a restart policy. Each restart is a new
/// process with a new PID; the original process and every restart of it share one lineage,
/// so each of them (the original's zombie included) shows how often init has restarted the
/// program. Guarded by the kernel lock.
final class RestartLineage {
    /// Restarts so far.
    var restarts = 0
}
