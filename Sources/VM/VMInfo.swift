/// The bytecode virtual machine: the kernel's "software CPU".
public enum VMInfo {
    /// Default number of reductions a thread runs before it is preempted.
    public static let defaultQuantum = 2000
    /// Most nested calls a thread may have before a `stack` error.
    public static let maxCallDepth = 10_000
    /// Allocations are reported to the host in batches of at least this many bytes.
    public static let allocationBatch = 4096
}
