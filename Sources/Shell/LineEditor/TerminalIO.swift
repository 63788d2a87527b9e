#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few system calls the editor makes, on file descriptors.
enum TerminalIO {
    /// The width used when the terminal does not say (not a terminal, or 0 columns).
    static let fallbackWidth = 80

    /// Columns of the terminal on `fd`, asked anew each time (so a resize is noticed without a
    /// SIGWINCH handler).
    static func width(of fd: Int32) -> Int {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return fallbackWidth }
        return Int(size.ws_col)
    }

    /// Writes all of `text`, retrying after signals and short writes; gives up on errors (a
    /// closed terminal must not crash the shell).
    static func write(_ text: String, to fd: Int32) {
        guard !text.isEmpty else { return }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let written = Glibc.write(fd, base + offset, buffer.count - offset)
                #else
                    let written = Darwin.write(fd, base + offset, buffer.count - offset)
                #endif
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    return
                }
            }
        }
    }

    enum ReadResult: Equatable {
        case bytes([UInt8])
        case timeout
        case closed
    }

    /// Waits up to `timeout` milliseconds (-1: forever) for input on `fd`, then reads what is
    /// there. `.closed` on end of file or an error.
    static func read(_ fd: Int32, timeout: Int32) -> ReadResult {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeout)
        if ready == 0 { return .timeout }
        if ready < 0 { return errno == EINTR ? .timeout : .closed }
        var buffer = [UInt8](repeating: 0, count: 256)
        #if canImport(Glibc)
            let count = Glibc.read(fd, &buffer, buffer.count)
        #else
            let count = Darwin.read(fd, &buffer, buffer.count)
        #endif
        if count > 0 { return .bytes(Array(buffer.prefix(count))) }
        if count < 0, errno == EINTR || errno == EAGAIN { return .timeout }
        return .closed
    }
}

extension TerminalIO {
    /// One byte from `fd`, blocking; nil at end of file or on an error.
    static func readByte(_ fd: Int32) -> UInt8? {
        var byte: UInt8 = 0
        while true {
            #if canImport(Glibc)
                let count = Glibc.read(fd, &byte, 1)
            #else
                let count = Darwin.read(fd, &byte, 1)
            #endif
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }
}
