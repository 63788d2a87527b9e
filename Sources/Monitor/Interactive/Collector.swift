import Foundation
import Kernel
import Synchronization

/// Samples the kernel on its own thread every `delay`, so that reading 100,000 processes
/// (about 10 ms in the kernel) never stalls the keyboard or the drawing. The
/// curses thread takes the newest sample with ``take()``. In deterministic mode it also
/// drives the kernel for `delay` of virtual time per sample, or nothing would move.
final class Collector: @unchecked Sendable {  // `latest` is guarded by `lock`
    private let lock = NSLock()
    private var latest: ProcessSample?
    private let stopping = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    private let kernel: Kernel
    private let delay: Double

    init(kernel: Kernel, delaySeconds: Double) {
        self.kernel = kernel
        self.delay = max(0.05, delaySeconds)
    }

    /// Starts sampling, the first sample after one delay (the caller already has one).
    func start(after first: Sampler) {
        let thread = Thread { [self] in
            var sampler = first
            while !sleepUnlessStopped() {
                if kernel.configuration.deterministic { kernel.run(forMilliseconds: delay * 1000) }
                let sample = sampler.collect(from: kernel)
                lock.withLock { latest = sample }
            }
            finished.store(true, ordering: .releasing)
        }
        thread.name = "dkctl-top-collector"
        thread.start()
    }

    /// The newest sample not taken yet.
    func take() -> ProcessSample? {
        lock.withLock {
            defer { latest = nil }
            return latest
        }
    }

    /// Stops the thread and waits for it (at most one 20 ms nap plus a collect).
    func stop() {
        stopping.store(true, ordering: .releasing)
        while !finished.load(ordering: .acquiring) { usleep(2000) }
    }

    /// Sleeps `delay` in short naps; true when asked to stop.
    private func sleepUnlessStopped() -> Bool {
        var slept = 0.0
        while slept < delay {
            if stopping.load(ordering: .acquiring) { return true }
            usleep(20_000)
            slept += 0.02
        }
        return stopping.load(ordering: .acquiring)
    }
}
