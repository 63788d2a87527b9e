/// A command that could not do its job: a status and one line for `dkctl: CMD: …`.
struct CommandFailure: Error, Equatable {
    /// Exit status: 1 failure, 2 usage, 3 unknown PID/TID, 4 compile error.
    var status: Int32
    var message: String
    /// Lines printed after the message; with an empty message, instead of it (compile errors
    /// print as `FILE:LINE:COL: error: MESSAGE` lines alone).
    var details: [String] = []

    static func usage(_ message: String) -> CommandFailure { CommandFailure(status: 2, message: message) }
    static func failure(_ message: String) -> CommandFailure { CommandFailure(status: 1, message: message) }
    static func unknownID(_ message: String) -> CommandFailure { CommandFailure(status: 3, message: message) }
}
