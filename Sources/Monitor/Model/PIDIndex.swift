import Kernel

/// Finds a PID's index in a sample's rows in O(1): a table from PID to index over the span of
/// PIDs when they are dense (at most four table entries per process, so 100,000 processes cost
/// 1.6 MB at most), a binary search when they are not (after many processes ended).
struct PIDIndex {
    private let sample: ProcessSample
    private let first: PID
    /// Index of PID `first + i`, or -1; empty when the PIDs are sparse.
    private let table: [Int32]

    init(_ sample: ProcessSample) {
        self.sample = sample
        let rows = sample.rows
        guard let low = rows.first?.pid, let high = rows.last?.pid, high - low < 4 * rows.count + 64 else {
            (first, table) = (0, [])
            return
        }
        var table = [Int32](repeating: -1, count: high - low + 1)
        for index in rows.indices { table[rows[index].pid - low] = Int32(index) }
        (self.first, self.table) = (low, table)
    }

    /// The index of `pid` in the sample's rows, or nil.
    func index(of pid: PID) -> Int? {
        guard !table.isEmpty else { return sample.index(of: pid) }
        let slot = pid - first
        guard slot >= 0 && slot < table.count, table[slot] >= 0 else { return nil }
        return Int(table[slot])
    }
}
