/// The bytecode virtual machine: the kernel's "software CPU".
public enum VMInfo {
    /// Default number of reductions a thread runs before it is preempted.
    public static let defaultQuantum = 2000
}
