/// Kernel calls ("syscalls"): resolved by name at compile time, executed by the VM's host.
///
/// The VM passes the arguments as written, except: `print` and `log` get one string (the
/// arguments' print forms joined by spaces); `thread f(a, b)` becomes `thread` with
/// `[f, [a, b]]`; `ctx.update(region, key, fn)` never reaches the host (it compiles to a
/// `ctx.read`/`ctx.cas` retry loop, so `ctx.cas` must compare with deep `==`).
public enum KernelCall: UInt16, Sendable, CaseIterable {
    case `self`, tid, parent, spawn, exit, kill, wait, monitor, demonitor, trap, join, yield, sleep
    case send, request, reply, publish, subscribe, unsubscribe, broadcast, register
    case ctxRead, ctxReadAll, ctxWrite, ctxCas, ctxIncr, ctxRegion, ctxLink, ctxNeighbors, ctxDelete
    case lock, unlock, semCreate, semWait, semPost, barrierCreate, barrierWait
    case eventSet, eventClear, eventWait
    case call, tool, metric, print, log, now, random, thread

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
            .eventWait:
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
