import Synchronization

extension Atomic where Value == UInt64 {
    /// Adds one to a counter that only one thread at a time writes (others only read it): a
    /// plain load and store, cheaper than an atomic add on the message path.
    @inline(__always)
    func bumpBySoleWriter() {
        store(load(ordering: .relaxed) &+ 1, ordering: .relaxed)
    }

    /// Its value now (for snapshots).
    @inline(__always)
    var current: UInt64 { load(ordering: .relaxed) }
}
