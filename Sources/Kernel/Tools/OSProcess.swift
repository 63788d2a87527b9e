#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real OS process started for a tool, with its standard output and error on one pipe.
///
/// Written on posix_spawn rather than swift-subprocess: the kernel's slots are plain OS
/// threads, and a tool needs one blocking reader thread that reads lines, then waits for the
/// exit status, which is what this does, with no async runtime in between.
struct OSProcess {
    let pid: pid_t
    /// Read end of the output pipe.
    let output: Int32

    /// Starts `path` (looked up in PATH when it has no `/`) with `arguments`.
    static func launch(_ path: String, _ arguments: [String]) -> Result<OSProcess, KernelError> {
        launchLock.withLock { launchLocked(path, arguments) }
    }

    /// Serialises launches: between `pipe` and `fcntl(FD_CLOEXEC)` another slot's spawn would
    /// inherit the write end and keep the pipe open after this tool ends.
    private static let launchLock = KernelLock()

    private static func launchLocked(_ path: String, _ arguments: [String]) -> Result<OSProcess, KernelError>
    {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return .failure(.invalid("cannot create a pipe for \(path)")) }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child = pid_t()
        let result = argv.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return EINVAL }
            return posix_spawnp(
                &child, path, &actions, &attributes, UnsafeMutablePointer(mutating: base), environ)
        }
        close(fds[1])
        guard result == 0 else {
            close(fds[0])
            return .failure(.invalid("cannot run \(path): \(String(cString: strerror(result)))"))
        }
        return .success(OSProcess(pid: child, output: fds[0]))
    }

    /// Whether `path` names an executable file (looked up in PATH when it has no `/`).
    static func isRunnable(_ path: String) -> Bool {
        guard !path.isEmpty else { return false }
        if path.contains("/") { return access(path, X_OK) == 0 }
        let directories = (getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin").split(
            separator: ":")
        return directories.contains { access("\($0)/\(path)", X_OK) == 0 }
    }

    /// How an exit code reads: `exited 3`, or `killed by TERM` for 128 + a signal's number.
    static func describe(_ code: Int) -> String {
        if code > 128, let signal = Signal.allCases.first(where: { $0.exitCode == code }) {
            return "killed by \(signal.rawValue)"
        }
        return code == 0 ? "normal" : "exited \(code)"
    }

    /// Reads output lines until end of file, passing each to `line`; then waits for the
    /// process and returns its exit code (128 + signal when a signal ended it).
    func drain(_ line: (String) -> Void) -> Int {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            for byte in buffer[0..<count] {
                if byte == 10 {
                    line(String(decoding: pending, as: UTF8.self))
                    pending.removeAll(keepingCapacity: true)
                } else {
                    pending.append(byte)
                }
            }
        }
        if !pending.isEmpty { line(String(decoding: pending, as: UTF8.self)) }
        close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? Int((status >> 8) & 0xff) : 128 + Int(signal)
    }

    /// Sends a signal to the process; KILL goes to its whole process group, so that
    /// programs it started cannot keep its output open.
    func send(_ signal: Signal) {
        _ = Glibc.kill(signal == .kill ? -pid : pid, Int32(signal.number))
    }
}
