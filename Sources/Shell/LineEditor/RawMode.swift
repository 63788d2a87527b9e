#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A terminal in raw mode until `restore()` (the STYLE.md recipe): no echo, no line
/// buffering, no signals from Ctrl-C/Ctrl-Z (they arrive as bytes 3 and 26), no output
/// processing (write "\r\n" yourself).
///
/// Unlike the recipe, modes change with `TCSADRAIN`, not `TCSAFLUSH`: input typed while a
/// command ran is kept for the next line instead of being thrown away.
struct RawMode: Sendable {
    private let fd: Int32
    private let saved: termios

    /// Raw mode on `fd`; nil when `fd` is not a terminal.
    init?(fd: Int32) {
        var original = termios()
        guard isatty(fd) == 1, tcgetattr(fd, &original) == 0 else { return nil }
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_oflag &= ~tcflag_t(OPOST)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) {  // c_cc imports as a tuple
            $0[Int(VMIN)] = 1
            $0[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSADRAIN, &raw) == 0 else { return nil }
        self.fd = fd
        saved = original
    }

    /// Puts the terminal back as it was.
    func restore() {
        var original = saved
        _ = tcsetattr(fd, TCSADRAIN, &original)
    }
}
