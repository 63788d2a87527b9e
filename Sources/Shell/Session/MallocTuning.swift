#if canImport(Glibc)
    import Glibc
#endif

/// Raises glibc's per-thread cache of freed heap chunks from 7 to 1,024 per size, by starting
/// dkctl once more with the `GLIBC_TUNABLES` setting (glibc reads it only when a program
/// starts). A burst of short-lived processes frees and allocates thousands of process, thread
/// and VM objects of a few sizes; past the seventh, each went through malloc's shared bins
/// (about 300 instructions to allocate and 150 to free: callgrind counted 600 fewer per
/// program spawn with the larger cache). BEAM keeps its own allocators for the same reason.
/// A `GLIBC_TUNABLES` the user set is left alone, and so is dkctl when it cannot restart.
public enum MallocTuning {
    static let variable = "GLIBC_TUNABLES"
    static let setting = "glibc.malloc.tcache_count=1024"
    /// Set beside ``setting`` when dkctl chose it (rather than the user).
    static let marker = "DKCTL_MALLOC_TUNED"

    /// Restarts the program with the setting, unless `GLIBC_TUNABLES` is set already (by the
    /// user, or by the first start). Returns only when it does not restart.
    public static func restartWithLargerCacheIfNeeded() {
        #if canImport(Glibc)
            guard getenv(variable) == nil else { return }
            setenv(variable, setting, 1)
            setenv(marker, "1", 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            unsetenv(variable)  // exec failed: carry on with glibc's defaults
            unsetenv(marker)
        #endif
    }

    /// The environment as the user gave it (`NAME=value` entries): without the setting when
    /// dkctl chose it. For a child that should start as a user's dkctl would.
    static var usersEnvironment: [String] {
        #if canImport(Glibc)
            var entries: [String] = []
            var entry = environ
            while let pointer = entry.pointee {
                entries.append(String(cString: pointer))
                entry += 1
            }
            guard getenv(marker) != nil else { return entries }
            return entries.filter { !$0.hasPrefix(variable + "=") && !$0.hasPrefix(marker + "=") }
        #else
            return []
        #endif
    }
}
