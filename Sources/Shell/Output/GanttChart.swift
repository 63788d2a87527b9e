import Kernel

/// `sched --gantt`: the last slices per execution slot as a text Gantt chart, one letter per
/// thread.
enum GanttChart {
    static func render(_ slices: [SliceRecord], slots: Int, width: Int) -> [String] {
        guard let first = slices.first, let last = slices.last else { return ["no slices yet"] }
        let start = first.start
        let end = max(last.start + last.duration, start + 1)
        let columns = max(10, width - 12)
        let span = Double(end - start)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var legend: [TID: Character] = [:]
        var names: [TID: String] = [:]
        var rows = Array(repeating: Array(repeating: Character("."), count: columns), count: slots)
        for slice in slices where slice.slot < slots {
            let letter = legend[slice.tid] ?? letters[legend.count % letters.count]
            legend[slice.tid] = letter
            names[slice.tid] = slice.name
            let from = Int(Double(slice.start - start) / span * Double(columns))
            let to = max(from + 1, Int(Double(slice.start + slice.duration - start) / span * Double(columns)))
            for column in from..<min(to, columns) { rows[slice.slot][column] = letter }
        }
        var lines = rows.enumerated().map { "slot \($0.offset)".padding(8) + " |" + String($0.element) + "|" }
        lines.append(
            "         " + ProvenanceRendering.milliseconds(start).padding(columns / 2 + 1)
                + ProvenanceRendering.milliseconds(end))
        let keys = legend.sorted { $0.key < $1.key }.map {
            "\($0.value)=tid \($0.key) \(names[$0.key] ?? "")"
        }
        lines.append("threads: " + keys.joined(separator: ", "))
        return lines
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
