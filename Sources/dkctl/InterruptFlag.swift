import Foundation
import Shell

/// Ctrl-C while a command waits: the SIGINT handler raises the shell's interrupt flag, which
/// waiting commands poll, so the command stops with "interrupted" and the shell goes on.
enum InterruptFlag {
    static func install() {
        signal(SIGINT) { _ in ShellSession.interruptRequested.store(true, ordering: .relaxed) }
    }
}
