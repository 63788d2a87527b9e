/// The execution kernel: processes, green threads, scheduler, bus, resources.
public enum KernelInfo {
    /// Default number of execution slots: the number of cores.
    public static var defaultSlots: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
#if canImport(Glibc)
    import Glibc
#endif
