import Kernel

/// CPU% of the threads of one process, against the previous reading of the same threads.
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
            return threads.map { _ in 0 }
        }
        let elapsed = Double(now - before)
        return threads.map { thread in
            let base = previous[thread.tid] ?? 0
            return Double(thread.cpuNanoseconds > base ? thread.cpuNanoseconds - base : 0) * 100 / elapsed
        }
    }
}
