import Foundation

@testable import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pseudo-terminal for tests: the editor gets the terminal side (`terminal`), the test
/// types into and reads the screen bytes from the other side (`controller`).
final class PseudoTerminal {
    let controller: Int32
    let terminal: Int32
    /// Bytes read from the controller so far.
    private(set) var screen: [UInt8] = []

    init?(columns: UInt16 = 80) {
        var controller: Int32 = -1
        var terminal: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&controller, &terminal, nil, nil, &size) == 0 else { return nil }
        self.controller = controller
        self.terminal = terminal
    }

    deinit {
        close(terminal)
        close(controller)
    }

    /// Types `text` as the user would.
    func type(_ text: String) {
        TerminalIO.write(text, to: controller)
    }

    var screenText: String { String(decoding: screen, as: UTF8.self) }

    /// Reads what the editor wrote until `condition` holds on all of it, or `seconds` pass.
    @discardableResult func wait(seconds: Double = 5, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(screenText) {
            guard Date() < deadline else { return false }
            if case .bytes(let bytes) = TerminalIO.read(controller, timeout: 20) { screen += bytes }
        }
        return true
    }

    /// Waits until the screen bytes contain `text`.
    @discardableResult func wait(for text: String, seconds: Double = 5) -> Bool {
        wait(seconds: seconds) { $0.contains(text) }
    }

    /// Forgets what was read so far.
    func clear() { screen = [] }

    /// The terminal side's local flags (to see raw mode come and go).
    var localFlags: tcflag_t {
        var settings = termios()
        _ = tcgetattr(terminal, &settings)
        return settings.c_lflag
    }
}

/// Runs `body` on its own thread and hands back its result.
final class Background<Value: Sendable>: @unchecked Sendable {  // `done` orders the accesses
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            value = body()
            done.signal()
        }
    }

    /// The result, or nil if it takes longer than `seconds`.
    func result(seconds: Double = 5) -> Value? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        done.signal()  // later calls see it too
        return value
    }
}
