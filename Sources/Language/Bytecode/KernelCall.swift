/// Kernel calls ("syscalls"): resolved by name at compile time, executed by the VM's host.
///
/// The VM passes the arguments as written, except: `print` and `log` get one string (the
/// arguments' print forms joined by spaces); `thread f(a, b)` becomes `thread` with
/// `[f, [a, b]]`; `ctx.update(region, key, fn)` never reaches the host (it compiles to a
/// `ctx.read`/`ctx.cas` retry loop, so `ctx.cas` must compare with deep `==`).
public enum KernelCall: UInt16, Sendable, CaseIterable {
    /// `self()` → the process's pid.
    case `self`
    /// `tid()` → the running thread's tid.
    case tid
    /// `parent()` → the parent's pid (nil for init).
    case parent
    /// `spawn(name, args?, opts?)` → pid of a new process (`name` or `name@1.2.0`; opts: priority, memory, ...).
    case spawn
    /// `exit(code?)`: ends the process (host returns `.terminate`).
    case exit
    /// `kill(pid, sig?)`: sends a signal ("TERM" by default).
    case kill
    /// `wait(pid, ms?)` → `{pid, code, reason}` when the process ends; blocks; `timeout` error past ms.
    case wait
    /// `monitor(pid)`: delivers `{down: pid, code, reason}` to the caller's mailbox when it ends.
    case monitor
    /// `demonitor(pid)`: cancels a monitor.
    case demonitor
    /// `trap(sig)`: deliver signal `sig` as a message `{signal: sig}` instead of exiting.
    case trap
    /// `join(t or [t...], ms?)` → the thread's return value (or a list of them, in order); blocks.
    case join
    /// `yield()`: gives up the rest of the quantum (host may return `.block` and resume at once).
    case yield
    /// `sleep(ms)`: blocks for ms milliseconds.
    case sleep
    /// `send(to, msg)`: to a pid, tid or registered name; never fails (dead letters are counted).
    case send
    /// `request(to, msg, ms?)` → the reply; blocks; `timeout` error past ms.
    case request
    /// `reply(req, value)`: answers a request message.
    case reply
    /// `publish(topic, msg)`: to subscribers of a dot-separated topic.
    case publish
    /// `subscribe(pattern)`: topic pattern with `*` (one segment) and `#` (the rest).
    case subscribe
    /// `unsubscribe(pattern)`.
    case unsubscribe
    /// `broadcast(msg, scope?)`: scope "children" (default), "descendants" or "all".
    case broadcast
    /// `register(name)`: a name that `send` accepts as an address.
    case register
    /// `ctx.read(region, key)` → the value or nil.
    case ctxRead
    /// `ctx.readAll(region)` → a map of the region's keys.
    case ctxReadAll
    /// `ctx.write(region, key, value)`; `permission` error if not a writer.
    case ctxWrite
    /// `ctx.cas(region, key, expected, new)` → true if the value was `==` expected and is now new.
    case ctxCas
    /// `ctx.incr(region, key, by?)` → the new value (missing counts as 0).
    case ctxIncr
    /// `ctx.region(name, {readers: [tid...], writers: [tid...]}?)`: creates a region or sets its ACL.
    case ctxRegion
    /// `ctx.link(a, rel, b)`: adds an edge to the `knowledge` graph.
    case ctxLink
    /// `ctx.neighbors(a, rel?)` → list of nodes linked from a.
    case ctxNeighbors
    /// `ctx.delete(region, key)`.
    case ctxDelete
    /// `lock(name, ms?)`: a process-wide mutex; blocks; `timeout` error past ms.
    case lock
    /// `unlock(name)`.
    case unlock
    /// `sem_create(name, count)`: a counting semaphore.
    case semCreate
    /// `sem_wait(name, ms?)`: takes one unit; blocks.
    case semWait
    /// `sem_post(name)`: returns one unit.
    case semPost
    /// `barrier_create(name, parties)`: a reusable barrier.
    case barrierCreate
    /// `barrier_wait(name, ms?)`: blocks until `parties` threads wait.
    case barrierWait
    /// `event_set(name)`: sets an event flag, waking its waiters.
    case eventSet
    /// `event_clear(name)`: clears an event flag.
    case eventClear
    /// `event_wait(name, ms?)`: blocks until the flag is set.
    case eventWait
    /// `event_create(name, mode?)`: makes a flag, `"manual"` reset (the default: stays set
    /// until cleared) or `"auto"` reset (lets one waiter through, then clears itself).
    case eventCreate
    /// `call(service, payload, ms?)` → the service's reply; blocks.
    case call
    /// `tool(path, args?, ms?)` → `{code, output}` of an allowed OS tool; blocks.
    case tool
    /// `metric(name, value)`: records a metric.
    case metric
    /// `print(...)`: one line of output (the VM passes one pre-joined string).
    case print
    /// `log(...)`: one line of the process log (one pre-joined string).
    case log
    /// `now()` → milliseconds (virtual in deterministic mode).
    case now
    /// `random()` → float in [0, 1); `random(n)` → int in [0, n); `random(a, b)` → int in [a, b].
    case random
    /// `thread f(args)` → tid; the VM passes `[function value, [args]]`, see `VMThread(program:callable:args:host:)`.
    case thread

    /// The name used in source code (`ctx.write`, `sem_wait`, ...).
    public var name: String {
        switch self {
        case .ctxRead: return "ctx.read"
        case .ctxReadAll: return "ctx.readAll"
        case .ctxWrite: return "ctx.write"
        case .ctxCas: return "ctx.cas"
        case .ctxIncr: return "ctx.incr"
        case .ctxRegion: return "ctx.region"
        case .ctxLink: return "ctx.link"
        case .ctxNeighbors: return "ctx.neighbors"
        case .ctxDelete: return "ctx.delete"
        case .semCreate: return "sem_create"
        case .semWait: return "sem_wait"
        case .semPost: return "sem_post"
        case .barrierCreate: return "barrier_create"
        case .barrierWait: return "barrier_wait"
        case .eventSet: return "event_set"
        case .eventClear: return "event_clear"
        case .eventWait: return "event_wait"
        case .eventCreate: return "event_create"
        default: return String(describing: self)
        }
    }

    /// Accepted argument counts.
    public var arity: ClosedRange<Int> {
        switch self {
        case .`self`, .tid, .parent, .yield, .now: return 0...0
        case .spawn: return 1...3
        case .exit: return 0...1
        case .kill, .wait, .join, .broadcast, .ctxRegion, .ctxNeighbors, .lock, .semWait, .barrierWait,
            .eventWait, .eventCreate:
            return 1...2
        case .monitor, .demonitor, .trap, .sleep, .subscribe, .unsubscribe, .register, .ctxReadAll, .unlock,
            .semPost, .eventSet, .eventClear:
            return 1...1
        case .send, .reply, .publish, .ctxRead, .semCreate, .barrierCreate, .metric, .ctxDelete, .thread:
            return 2...2
        case .request, .call, .ctxIncr: return 2...3
        case .ctxWrite, .ctxLink: return 3...3
        case .ctxCas: return 4...4
        case .tool: return 1...3
        case .print, .log: return 0...64
        case .random: return 0...2
        }
    }

    /// Kernel calls by source name.
    public static let byName: [String: KernelCall] = Dictionary(
        uniqueKeysWithValues: KernelCall.allCases.map { ($0.name, $0) })
}
