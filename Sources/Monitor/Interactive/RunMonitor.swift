import Kernel

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the full-screen monitor (`top`) on the terminal until `q`, SIGINT or SIGTERM, then
/// restores the terminal exactly. Returns 0 after `q`, 128 + the signal number after a signal,
/// and -1 when there is no usable terminal (stdin or stdout not a TTY, unknown `TERM`).
///
/// Colours are off with `options.noColor`, a non-empty `NO_COLOR`, or a terminal without
/// them. Errors from the kernel (killing init, a process that just ended) show in the status
/// line. The kernel is sampled on a background thread; this thread alone touches curses.
public func runMonitor(kernel: Kernel, options: MonitorOptions) -> Int32 {
    let noColor = options.noColor || !(getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    let restoreSignals = PendingSignal.install()
    defer { restoreSignals() }
    guard let terminal = Terminal(noColor: noColor, tickMilliseconds: 100) else { return -1 }
    defer { terminal.close() }

    var settings = options
    if settings.glyphs == nil { settings.glyphs = terminal.utf8 ? .unicode : .ascii }
    let controller = MonitorController(kernel: kernel, options: settings, colours: terminal.colours)
    let collector = Collector(kernel: kernel, delaySeconds: options.delaySeconds)
    collector.start(after: controller.samplerState)
    defer { collector.stop() }

    while PendingSignal.pending == 0 {
        if let sample = collector.take() { controller.apply(sample) }
        terminal.draw(controller.screen(width: terminal.width, height: terminal.height))
        guard let key = terminal.readKey() else { continue }
        if controller.handle(key) == .quit { return 0 }
    }
    return 128 + PendingSignal.pending
}
