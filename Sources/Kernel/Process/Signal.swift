/// A signal sent with `kill`. Numbers and exit codes follow Linux (exit code = 128 + number).
public enum Signal: String, Sendable, CaseIterable {
    case hup = "HUP"
    case int = "INT"
    case kill = "KILL"
    case usr1 = "USR1"
    case usr2 = "USR2"
    case term = "TERM"
    case cont = "CONT"
    case stop = "STOP"

    /// The Linux signal number.
    public var number: Int {
        switch self {
        case .hup: 1
        case .int: 2
        case .kill: 9
        case .usr1: 10
        case .usr2: 12
        case .term: 15
        case .cont: 18
        case .stop: 19
        }
    }

    /// The exit code of a process that this signal ends: 128 + number.
    public var exitCode: Int { 128 + number }

    /// Whether a program may `trap` it and receive it as a message `{signal: "NAME"}`.
    public var isTrappable: Bool {
        switch self {
        case .hup, .int, .usr1, .usr2, .term: true
        case .kill, .stop, .cont: false
        }
    }

    /// Parses `TERM`, `SIGTERM`, `term` or `15`.
    public init?(parsing text: String) {
        var name = text.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        if let number = Int(name) {
            guard let match = Signal.allCases.first(where: { $0.number == number }) else { return nil }
            self = match
        } else {
            guard let match = Signal(rawValue: name) else { return nil }
            self = match
        }
    }

    /// One bit per signal, for trap masks.
    var bit: UInt16 { 1 << UInt16(number) }
}
