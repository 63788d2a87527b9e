import Kernel

/// A column the process table can be sorted by (F6, or `P`, `M`, `T`).
public enum SortKey: String, Sendable, CaseIterable {
    case pid = "PID"
    case cpu = "CPU%"
    case memory = "MEM"
    case threads = "THR"
    case time = "TIME"
    case name = "NAME"
    case state = "STATE"

    /// Whether the largest comes first, as in htop (CPU%, MEM, THR, TIME descend).
    public var descendsByDefault: Bool {
        switch self {
        case .cpu, .memory, .threads, .time: true
        case .pid, .name, .state: false
        }
    }

    /// Parses a sort key name as given to `top --sort` (`pid`, `cpu`, `mem`, …).
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "pid": self = .pid
        case "cpu", "cpu%", "%cpu": self = .cpu
        case "mem", "memory": self = .memory
        case "thr", "threads": self = .threads
        case "time", "cpu-time": self = .time
        case "name", "command": self = .name
        case "state": self = .state
        default: return nil
        }
    }
}

/// Orders process indices of a sample by a key, PID breaking ties.
struct ProcessOrder {
    let key: SortKey
    let descending: Bool

    /// Indices of `sample.rows` in display order. O(n log n); O(n) for PID ascending.
    func sortedIndices(_ sample: ProcessSample) -> [Int32] {
        let rows = sample.rows
        let count = rows.count
        // Numeric keys are packed with the index into one UInt64 and sorted as plain integers:
        // ~20 times faster than sorting tuples with a closure at 100,000 rows.
        switch key {
        case .pid:
            let ascending = (0..<Int32(count)).map { $0 }
            return descending ? ascending.reversed() : ascending
        case .cpu:
            return sortPacked(count) { UInt64(max(0, sample.cpuPercent[$0]) * 1000) }  // 0.001% steps
        case .memory:
            return sortPacked(count) { UInt64(max(0, rows[$0].memory)) }
        case .threads:
            return sortPacked(count) { UInt64(max(0, rows[$0].threads)) }
        case .time:
            return sortPacked(count) { rows[$0].cpuNanoseconds / 1000 }  // µs
        case .state:
            return sortPacked(count) { UInt64(rows[$0].state.sortRank) }
        case .name:
            let ranks = ProcessOrder.ranks(of: sample.names)
            return sortPacked(count) { ranks[Int(rows[$0].name)] }
        }
    }

    /// The alphabetical rank of each name (equal names, equal ranks): a sort of the distinct
    /// name entries, not of every process.
    static func ranks(of names: [String]) -> [UInt64] {
        let order = names.indices.sorted { names[$0] < names[$1] }
        var ranks = [UInt64](repeating: 0, count: names.count)
        var rank: UInt64 = 0
        for (position, index) in order.enumerated() {
            if position > 0 && names[order[position - 1]] != names[index] { rank += 1 }
            ranks[index] = rank
        }
        return ranks
    }

    /// Sorts by `value` (clamped to what fits beside the index), then by index.
    private func sortPacked(_ count: Int, _ value: (Int) -> UInt64) -> [Int32] {
        let indexBits = UInt64(max(1, Int.bitWidth - max(0, count - 1).leadingZeroBitCount))
        let keyLimit = (UInt64(1) << (64 - indexBits)) - 1
        var packed = [UInt64](repeating: 0, count: count)
        for index in 0..<count {
            let key = min(value(index), keyLimit)
            packed[index] = (descending ? keyLimit - key : key) << indexBits | UInt64(index)
        }
        packed.sort()
        let mask = (UInt64(1) << indexBits) - 1
        return packed.map { Int32(truncatingIfNeeded: $0 & mask) }
    }
}

extension ProcessState {
    /// Every state, in ``sortRank`` order.
    static let inRankOrder: [ProcessState] = [.running, .ready, .waiting, .suspended, .exited]

    /// Running first, exited last (the order of ``ProcessState``'s `Comparable`).
    var sortRank: Int {
        switch self {
        case .running: 0
        case .ready: 1
        case .waiting: 2
        case .suspended: 3
        case .exited: 4
        }
    }
}
