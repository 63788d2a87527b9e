import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a terminal with editing, history, Ctrl-R search and Tab completion,
/// while other threads may print above the prompt.
///
/// Use one editor per terminal. One thread reads (`read(prompt:)` / `readLine(prompt:)`
/// block it); any thread may call `printAbove(_:)`, which is how output must reach the
/// terminal while a line is read (a plain `print` would land in the middle of the prompt).
///
/// ```swift
/// let editor = LineEditor(completer: { line, cursor in complete(line, cursor) })
/// kernel.onOutput = { text in editor.printAbove(text) }  // from any thread
/// while let line = editor.readLine(prompt: "dk> ") {
///     run(line)  // its output: print(...) or editor.printAbove(...)
/// }
/// ```
///
/// Keys: printable text, Left/Right, Home/End, Ctrl-A/E/B/F, Alt-B/F and Ctrl-Left/Right
/// (words), Backspace, Delete, Ctrl-D (delete; on an empty line, end of input), Ctrl-K/U
/// (kill to end/start), Ctrl-W (kill word back), Alt-D/Alt-Backspace (kill word), Ctrl-Y
/// (yank), Ctrl-L (clear screen), Ctrl-C (abandon the line: `^C`, `.interrupted`), Up/Down and
/// Ctrl-P/N (history), Ctrl-R (reverse search: Ctrl-R older, Enter enters, Ctrl-G/Esc cancels,
/// other keys accept and edit), Tab (complete; twice: list).
///
/// The terminal is in raw mode only while a line is read and is restored on every way out
/// (Enter, Ctrl-C, Ctrl-D, input closed). A line that is wider than the terminal scrolls
/// horizontally; the width is asked anew for every redraw and checked while idle, so a resize
/// redraws. When the input is not a terminal, `read` writes the prompt and reads a plain line.
///
/// Entered lines go into the history (`addHistory` rules: not empty, not starting with a
/// space, not the same as the last one; at most `historyLimit`), saved to `historyPath` after
/// each line. File errors never stop the editor: the first is kept in `historyError`.
public final class LineEditor: @unchecked Sendable {  // every var is guarded by `lock`
    /// How reading a line ended.
    public enum ReadResult: Equatable, Sendable {
        /// Enter: the line, without its newline.
        case line(String)
        /// Ctrl-C: the line was abandoned (the terminal shows it followed by `^C`).
        case interrupted
        /// Ctrl-D on an empty line, or the input was closed.
        case endOfInput
    }

    private let input: Int32
    private let output: Int32
    private let file: HistoryFile?
    private let lock = TerminalLock()

    private var lineHistory: LineHistory
    private var firstError: String?
    private var currentCompleter: Completer?
    /// The line being read; nil when none (then `printAbove` just writes).
    private var session: EditorSession?
    private var reading = false
    private var lastWidth = TerminalIO.fallbackWidth
    /// The kill buffer, kept from one line to the next.
    private var killed = ""
    /// Keys typed after an Enter (a paste of several lines) and the decoder's partial input:
    /// the next line starts with them.
    private var pendingKeys: [EditorKey] = []
    private var decoder = KeyDecoder()

    /// An editor on `input`/`output` (standard input and output by default).
    ///
    /// - Parameters:
    ///   - historyPath: the history file, loaded now and saved after each line; nil keeps
    ///     history in memory only. Defaults to `defaultHistoryPath()`.
    ///   - historyLimit: how many lines the history keeps (the oldest go first).
    ///   - completer: Tab completion; nil rings the bell on Tab.
    public init(
        historyPath: String? = LineEditor.defaultHistoryPath(),
        historyLimit: Int = 1000,
        completer: Completer? = nil,
        input: Int32 = STDIN_FILENO,
        output: Int32 = STDOUT_FILENO
    ) {
        self.input = input
        self.output = output
        file = historyPath.map(HistoryFile.init(path:))
        currentCompleter = completer
        var loaded: [String] = []
        do {
            loaded = try file?.load() ?? []
        } catch {
            firstError = "cannot read history \(historyPath ?? ""): \(error.localizedDescription)"
        }
        lineHistory = LineHistory(limit: historyLimit, entries: loaded)
    }

    /// `$XDG_STATE_HOME/dkctl/history`, else `~/.local/state/dkctl/history`; nil without a home.
    public static func defaultHistoryPath() -> String? {
        HistoryFile.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// The Tab completion callback; may be set at any time (it takes effect on the next Tab).
    public var completer: Completer? {
        get { lock.withLock { currentCompleter } }
        set { lock.withLock { currentCompleter = newValue } }
    }

    /// The remembered lines, oldest first (for a `history` command).
    public var history: [String] { lock.withLock { lineHistory.entries } }

    /// The first error reading or writing the history file, if any (for the shell to report
    /// once); the editor itself goes on with the history in memory.
    public var historyError: String? { lock.withLock { firstError } }

    /// Remembers `line` (unless empty, starting with a space, or equal to the last line) and
    /// saves the history file. Lines entered in the editor are added already.
    public func addHistory(_ line: String) {
        lock.withLock {
            guard lineHistory.add(line), let file else { return }
            do {
                try file.save(lineHistory.entries)
            } catch {
                if firstError == nil {
                    firstError = "cannot save history \(file.path): \(error.localizedDescription)"
                }
            }
        }
    }

    /// Reads lines until one is entered; Ctrl-C starts a fresh line. Nil at end of input.
    public func readLine(prompt: String) -> String? {
        while true {
            switch read(prompt: prompt) {
            case .line(let line): return line
            case .interrupted: continue
            case .endOfInput: return nil
            }
        }
    }

    /// Reads one line with `prompt` (which may hold ANSI colour sequences). Blocks the calling
    /// thread; call it from one thread at a time (a second concurrent call returns
    /// `.endOfInput`).
    public func read(prompt: String) -> ReadResult {
        let free = lock.withLock {
            defer { reading = true }
            return !reading
        }
        guard free else { return .endOfInput }
        defer { lock.withLock { reading = false } }
        fflush(nil)  // what the caller printed comes before the prompt
        guard let raw = RawMode(fd: input) else { return readPlain(prompt: prompt) }
        let result = readRaw(prompt: prompt, raw: raw)
        if case .line(let line) = result { addHistory(line) }
        return result
    }

    /// Writes `text` as whole lines (a newline is added if it lacks one). While a line is
    /// read, the prompt line is erased, the text written above it, and the prompt and the
    /// half-typed line drawn again with the cursor where it was. Safe from any thread.
    public func printAbove(_ text: String) {
        guard !text.isEmpty else { return }
        lock.withLock {
            fflush(nil)
            if let session {
                lastWidth = TerminalIO.width(of: output)
                TerminalIO.write(session.printAbove(text, width: lastWidth), to: output)
            } else {
                TerminalIO.write(text.hasSuffix("\n") ? text : text + "\n", to: output)
            }
        }
    }

    // MARK: Reading

    private func readRaw(prompt: String, raw: RawMode) -> ReadResult {
        var keys: [EditorKey] = lock.withLock {
            session = EditorSession(prompt: prompt, history: lineHistory.entries, killed: killed)
            redraw(force: true)
            defer { pendingKeys = [] }
            return pendingKeys
        }
        while true {
            for (index, key) in keys.enumerated() {
                let completion = key == .tab ? complete() : nil
                let result: ReadResult? = lock.withLock {
                    guard var current = session else { return .endOfInput }
                    lastWidth = TerminalIO.width(of: output)
                    let (out, result) = current.handle(key, completion: completion, width: lastWidth)
                    TerminalIO.write(out, to: output)
                    guard let result else {
                        session = current
                        return nil
                    }
                    killed = current.core.killed
                    pendingKeys = Array(keys[(index + 1)...])
                    session = nil
                    raw.restore()
                    return result
                }
                if let result { return result }
            }
            switch TerminalIO.read(input, timeout: decoderPending ? 50 : 200) {
            case .bytes(let bytes):
                keys = lock.withLock { decoder.decode(bytes) }
            case .timeout:
                keys = lock.withLock { decoder.flush() }
                if keys.isEmpty { lock.withLock { redraw(force: false) } }
            case .closed:
                return lock.withLock {
                    TerminalIO.write("\r\n", to: output)
                    session = nil
                    raw.restore()
                    return .endOfInput
                }
            }
        }
    }

    private var decoderPending: Bool { lock.withLock { decoder.hasPending } }

    /// Redraws the prompt line; unless `force`, only when the width changed. Call locked.
    private func redraw(force: Bool) {
        guard let session else { return }
        let width = TerminalIO.width(of: output)
        guard force || width != lastWidth else { return }
        lastWidth = width
        TerminalIO.write(session.redraw(width: width), to: output)
    }

    /// Asks the completer about the current line, outside the lock.
    private func complete() -> Completion? {
        let state: (Completer, String, Int)? = lock.withLock {
            guard let currentCompleter, let session, session.core.completes else { return nil }
            return (currentCompleter, session.core.buffer.text, session.core.buffer.cursor)
        }
        guard let (completer, line, cursor) = state else { return nil }
        return completer(line, cursor)
    }

    /// No terminal: the prompt, then bytes up to a newline, without editing.
    private func readPlain(prompt: String) -> ReadResult {
        lock.withLock { TerminalIO.write(prompt, to: output) }
        var bytes: [UInt8] = []
        while let byte = TerminalIO.readByte(input) {
            if byte == UInt8(ascii: "\n") { return .line(String(decoding: bytes, as: UTF8.self)) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? .endOfInput : .line(String(decoding: bytes, as: UTF8.self))
    }
}
