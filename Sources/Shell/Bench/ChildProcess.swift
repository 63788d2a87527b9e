#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starting an OS program and waiting for it, with as little in between as `posix_spawn`
/// allows (for the `startup` benchmark). Its standard output and error go to `/dev/null`.
enum ChildProcess {
    /// Runs `path` with `arguments`; returns its exit status (128+signal when killed).
    static func run(_ path: String, _ arguments: [String]) throws(BenchFailure) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
        cArguments.append(nil)
        defer { for pointer in cArguments { free(pointer) } }
        // The user's environment: a dkctl started from here restarts itself as one started by
        // the user does (see ``MallocTuning``), and the benchmark counts that.
        var cEnvironment: [UnsafeMutablePointer<CChar>?] = MallocTuning.usersEnvironment.map { strdup($0) }
        cEnvironment.append(nil)
        defer { for pointer in cEnvironment { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else {
            throw BenchFailure("cannot start \(path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw BenchFailure("waitpid: \(String(cString: strerror(errno)))") }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
