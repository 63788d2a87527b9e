import Foundation

/// Where the shell writes: standard output and error, one whole line at a time, from any
/// thread. While the REPL edits a line, output goes above the prompt instead.
final class Console: @unchecked Sendable {  // `lock` guards `aboveThePrompt`
    private let lock = NSLock()
    private var aboveThePrompt: (@Sendable (String) -> Void)?
    private var processOutputMuted = false
    /// Whether colour escapes may be written to standard output.
    let color: Bool
    /// Terminal width when standard output is a terminal.
    var width: Int? { Terminal.width(of: STDOUT_FILENO) }

    init(color: Bool) {
        self.color = color
    }

    /// Routes output above the prompt of a line being edited (nil: write directly).
    func setPromptWriter(_ writer: (@Sendable (String) -> Void)?) {
        lock.withLock { aboveThePrompt = writer }
    }

    /// A line a process printed: written like ``out(_:)`` unless muted (while `top` or
    /// `logs -f` shows it another way).
    func processLine(_ text: String) {
        guard !lock.withLock({ processOutputMuted }) else { return }
        out(text)
    }

    /// Mutes or unmutes what processes print.
    func muteProcessOutput(_ muted: Bool) {
        lock.withLock { processOutputMuted = muted }
    }

    /// Writes text (a newline is added) to standard output.
    func out(_ text: String) { write(text + "\n", to: STDOUT_FILENO) }

    /// Writes lines to standard output.
    func out(lines: [String]) {
        guard !lines.isEmpty else { return }
        write(lines.joined(separator: "\n") + "\n", to: STDOUT_FILENO)
    }

    /// Writes one line to standard error.
    func err(_ text: String) { write(text + "\n", to: STDERR_FILENO) }

    private func write(_ text: String, to descriptor: Int32) {
        lock.withLock {
            if let aboveThePrompt {
                aboveThePrompt(text)
                return
            }
            var text = text
            text.withUTF8 { buffer in  // native strings are contiguous: no copy
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(
                        descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }
}

/// Facts about the terminal.
enum Terminal {
    /// Columns of the terminal on `descriptor`, or nil when it is not a terminal.
    static func width(of descriptor: Int32) -> Int? {
        guard isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether colour is wanted: a terminal, not `dumb`, `NO_COLOR` unset or empty.
    static func wantsColor(noColorFlag: Bool) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        guard !noColorFlag, isatty(STDOUT_FILENO) == 1 else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
