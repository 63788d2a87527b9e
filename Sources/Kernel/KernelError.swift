/// Why a kernel operation was refused. Each reads as one line for `dkctl: CMD: …`.
public enum KernelError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchProcess(PID)
    case noSuchThread(TID)
    case noSuchID(Int)
    case noSuchExecutable(String)
    case processLimit(Int)
    case threadLimit(pid: PID, limit: Int)
    case mailboxFull(PID, limit: Int)
    case deadLetter(Address)
    case notPermitted(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .noSuchProcess(let pid): "no such process: \(pid)"
        case .noSuchThread(let tid): "no such thread: \(tid)"
        case .noSuchID(let id): "no such process or thread: \(id)"
        case .noSuchExecutable(let name): "no such executable: \(name) (see 'programs', or 'load FILE')"
        case .processLimit(let limit): "process limit reached (\(limit))"
        case .threadLimit(let pid, let limit): "thread limit of \(pid) reached (\(limit))"
        case .mailboxFull(let pid, let limit): "mailbox of \(pid) is full (\(limit))"
        case .deadLetter(let address): "\(address) has exited; the message was counted as a dead letter"
        case .notPermitted(let why): why
        case .invalid(let why): why
        }
    }

    /// The error kind a program sees when it catches this (`noproc`, `quota`, …).
    public var kind: String {
        switch self {
        case .noSuchProcess, .noSuchThread, .noSuchID, .deadLetter: "noproc"
        case .noSuchExecutable: "noexec"
        case .processLimit, .threadLimit, .mailboxFull: "quota"
        case .notPermitted: "permission"
        case .invalid: "value"
        }
    }
}
