import Foundation
import Kernel

/// Writes kernel events to a file as JSON lines (`--events FILE`), buffered so that the
/// kernel, which calls it under its lock, rarely waits for the disk.
final class EventFileWriter: @unchecked Sendable {  // `buffer` is guarded by `lock`
    private let handle: FileHandle
    private let lock = NSLock()
    private var buffer = Data()
    private static let flushBytes = 64 * 1024

    /// Opens (truncates) `path`, or nil when it cannot be written.
    init?(path: String) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { return nil }
        self.handle = handle
    }

    func write(_ event: KernelEvent) {
        let line = event.json.text + "\n"
        lock.withLock {
            buffer.append(contentsOf: line.utf8)
            if buffer.count >= EventFileWriter.flushBytes { flushLocked() }
        }
    }

    /// Writes what is buffered.
    func flush() { lock.withLock { flushLocked() } }

    private func flushLocked() {
        guard !buffer.isEmpty else { return }
        try? handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension ShellSession {
    /// Starts writing every kernel event to `path` as JSON lines.
    public func writeEvents(to path: String) -> Bool {
        guard let writer = EventFileWriter(path: path) else { return false }
        eventWriter = writer
        for event in kernel.events() { writer.write(event) }  // what happened before it was opened
        kernel.setEventSink { event in writer.write(event) }
        return true
    }
}
