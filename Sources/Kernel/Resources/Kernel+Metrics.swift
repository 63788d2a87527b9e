import Language

/// A quality metric a program reported with `metric(name, value)`.
public struct MetricSummary: Sendable {
    public var name: String
    public var last: Value
    public var count: Int
    /// Sum of the numeric values reported.
    public var sum: Double
}

extension Kernel {
    /// Records `metric(name, value)` for the thread's process.
    func recordMetric(_ name: String, _ value: Value, thread: KThread) {
        lock.withLock {
            var summary =
                thread.process.metrics[name] ?? MetricSummary(name: name, last: .nil, count: 0, sum: 0)
            summary.last = value
            summary.count += 1
            switch value {
            case .int(let number): summary.sum += Double(number)
            case .float(let number): summary.sum += number
            default: break
            }
            thread.process.metrics[name] = summary
        }
    }

    /// The metrics a process reported, by name.
    public func metrics(of pid: PID) -> [MetricSummary] {
        lock.withLock { (processes[pid]?.metrics ?? [:]).values.sorted { $0.name < $1.name } }
    }
}
