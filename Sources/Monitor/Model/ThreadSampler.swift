import Kernel

/// CPU% of the threads of one process, against the previous reading of the same threads. The
/// first reading has no previous one: a thread then shows its average since it started, as
/// processes do (see ``Sampler``).
public struct ThreadSampler: Sendable {
    private var previous: [TID: UInt64] = [:]
    private var previousTime: UInt64?

    public init() {}

    /// CPU% per thread, in the order of `threads`, at kernel time `now`.
    public mutating func sample(_ threads: [ThreadSnapshot], now: UInt64) -> [Double] {
        defer {
            previous = Dictionary(
                threads.map { ($0.tid, $0.cpuNanoseconds) }, uniquingKeysWith: { a, _ in a })
            previousTime = now
        }
        guard let before = previousTime, now > before else {
            return threads.map { thread in
                thread.wallNanoseconds > 0
                    ? Double(thread.cpuNanoseconds) * 100 / Double(thread.wallNanoseconds) : 0
            }
        }
        let elapsed = Double(now - before)
        return threads.map { thread in
            let base = previous[thread.tid] ?? 0
            return Double(thread.cpuNanoseconds > base ? thread.cpuNanoseconds - base : 0) * 100 / elapsed
        }
    }
}
