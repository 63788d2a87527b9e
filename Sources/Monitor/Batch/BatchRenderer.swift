import Kernel

#if canImport(Glibc)
    import Glibc
#endif

/// `top --batch`: plain-text snapshots for scripts — the header, the whole table and the
/// threads of the busiest process, no escape codes, no trailing spaces.
public struct BatchRenderer: Sendable {
    /// The most lines the threads pane takes, its header included (then "… N more").
    public static let threadLines = 21

    public let width: Int
    public let glyphs: TreeGlyphs
    public let treeMode: Bool
    public let sortKey: SortKey
    private var sampler = Sampler()
    private var threadSampler = ThreadSampler()
    /// The process whose threads the last snapshot showed (their CPU% is measured from there).
    private var threadsOf: PID?

    public init(width: Int = 80, glyphs: TreeGlyphs = .ascii, treeMode: Bool = true, sortKey: SortKey = .pid)
    {
        self.width = max(20, width)
        self.glyphs = glyphs
        self.treeMode = treeMode
        self.sortKey = sortKey
    }

    /// One snapshot of `kernel`: CPU% against the previous call (the first: since each
    /// process started), then the threads of the process the interactive monitor would best
    /// be pointed at (see ``shownProcess(in:)``), as its threads pane shows them.
    public mutating func snapshot(of kernel: Kernel) -> [String] {
        let sample = sampler.collectSnapshots(from: kernel)
        let pid = Self.shownProcess(in: ProcessTable(sample: sample, treeMode: treeMode, sortKey: sortKey))
        if pid != threadsOf {
            threadSampler = ThreadSampler()
            threadsOf = pid
        }
        let threads = pid.flatMap { try? kernel.threadList(of: $0) } ?? []
        let cpu = threadSampler.sample(threads, now: sample.stats.uptimeNanoseconds)
        let pane = ThreadsPaneLayout(width: width).lines(
            pid: pid, threads: threads, cpu: cpu, height: min(threads.count + 1, Self.threadLines))
        return lines(for: sample) + [""] + pane.map(\.text.trimmingTrailingSpaces)
    }

    /// The process whose threads a snapshot lists, as the selected one of the interactive
    /// monitor: there is no cursor in a script, so the busiest (highest CPU%), the lowest row
    /// among equals — the newest process when the table is in PID order, and not init when
    /// nothing runs.
    static func shownProcess(in table: ProcessTable) -> PID? {
        var best: (row: Int, cpu: Double)?
        for row in table.rows.indices where best.map({ table.cpuPercent(atRow: row) >= $0.cpu }) ?? true {
            best = (row, table.cpuPercent(atRow: row))
        }
        return best.flatMap { table.process(atRow: $0.row)?.pid }
    }

    /// The lines of one snapshot of `sample` (versions and warnings from its full snapshots).
    public func lines(for sample: ProcessSample) -> [String] {
        let table = ProcessTable(sample: sample, treeMode: treeMode, sortKey: sortKey)
        let layout = ProcessTableLayout(width: width, glyphs: glyphs)
        var lines = HeaderLayout(width: width).lines(sample).map(\.text)
        lines.append("")
        lines.append(layout.header(sortKey: table.sortKey, descending: table.descending).text)
        for row in table.rows.indices { lines.append(layout.line(table, row: row).text) }
        return lines.map(\.trimmingTrailingSpaces)
    }
}

/// `top --batch -n N -d S`: `iterations` snapshots, `delaySeconds` apart, each one string of
/// lines (header, blank line, table, blank line, threads pane). In deterministic mode the kernel is run for the delay
/// instead of sleeping.
public func renderBatch(
    kernel: Kernel, iterations: Int, delaySeconds: Double, width: Int,
    glyphs: TreeGlyphs = .fromEnvironment(),
    treeMode: Bool = true, sortKey: SortKey = .pid
) -> [String] {
    var snapshots: [String] = []
    runBatch(
        kernel: kernel, iterations: iterations, delaySeconds: delaySeconds, width: width, glyphs: glyphs,
        treeMode: treeMode, sortKey: sortKey
    ) { snapshots.append($0) }
    return snapshots
}

/// The streaming form of ``renderBatch(kernel:iterations:delaySeconds:width:glyphs:treeMode:sortKey:)``:
/// `emit` gets each snapshot as soon as it is taken (print it with a blank line between).
public func runBatch(
    kernel: Kernel, iterations: Int, delaySeconds: Double, width: Int,
    glyphs: TreeGlyphs = .fromEnvironment(),
    treeMode: Bool = true, sortKey: SortKey = .pid, emit: (String) -> Void
) {
    var renderer = BatchRenderer(width: width, glyphs: glyphs, treeMode: treeMode, sortKey: sortKey)
    for iteration in 0..<max(0, iterations) {
        if iteration > 0 { wait(kernel, seconds: delaySeconds) }
        emit(renderer.snapshot(of: kernel).joined(separator: "\n"))
    }
}

/// Lets `seconds` pass: runs a deterministic kernel that long, or sleeps.
func wait(_ kernel: Kernel, seconds: Double) {
    let milliseconds = max(0, seconds) * 1000
    if kernel.configuration.deterministic {
        kernel.run(forMilliseconds: milliseconds)
    } else {
        var request = timespec(
            tv_sec: Int(milliseconds / 1000),
            tv_nsec: Int(milliseconds.truncatingRemainder(dividingBy: 1000) * 1e6))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
