import Kernel

/// What the monitor shows now, besides the table.
enum MonitorMode: Equatable {
    case table
    case help
    /// Typing a search (F3): each key searches again.
    case search
    /// Typing a filter (F4): each key filters again.
    case filter
    case sortMenu(selection: Int)
    case signalMenu(selection: Int)
    case detail(pid: PID, scroll: Int)
}

/// The interactive monitor without the terminal: it samples the kernel, keeps the table
/// model, turns keys into actions and lays out the screen as ``ScreenLine``s. The curses loop
/// only reads keys, calls ``handle(_:)`` and ``tick()``, and draws ``screen(width:height:)``.
/// Not thread-safe: one thread owns it (the one that owns curses).
final class MonitorController {
    let kernel: Kernel
    private(set) var table: ProcessTable
    var mode = MonitorMode.table
    /// The text typed at the search or filter prompt.
    var input = ""
    /// Whether the last search found nothing (the prompt turns red).
    var searchFailed = false
    /// The last action's outcome, shown in the bottom line until the next key.
    var status: (text: String, isError: Bool)?
    /// `Z`: keep showing the last sample.
    var paused = false
    let glyphs: TreeGlyphs
    /// The size of the last screen laid out, to map mouse clicks to rows.
    var lastSize = (width: 80, height: 24)
    let colours: Bool

    private var sampler = Sampler()
    private var threadSampler = ThreadSampler()
    private var threadsOf: PID?
    private(set) var threads: [ThreadSnapshot] = []
    private(set) var threadCPU: [Double] = []
    private(set) var detail: ProcessDetail?
    /// Events shown in the detail view.
    static let detailEvents = 12

    init(kernel: Kernel, options: MonitorOptions, colours: Bool) {
        self.kernel = kernel
        self.glyphs = options.glyphs ?? .fromEnvironment()
        self.colours = colours
        let first = sampler.collect(from: kernel)
        table = ProcessTable(sample: first, treeMode: options.treeMode, sortKey: options.sortKey)
        refreshThreads()
    }

    /// Starts from a model already built (the frame benchmark).
    init(kernel: Kernel, table: ProcessTable, glyphs: TreeGlyphs, colours: Bool = false) {
        self.kernel = kernel
        self.table = table
        self.glyphs = glyphs
        self.colours = colours
        refreshThreads()
    }

    /// Takes a new sample (unless paused) and refreshes the threads pane and the detail view.
    func tick() {
        if !paused { table.update(sampler.collect(from: kernel)) }
        refreshThreads()
    }

    /// Takes a sample gathered elsewhere (the collector thread), unless paused.
    func apply(_ sample: ProcessSample) {
        if !paused { table.update(sample) }
        refreshThreads()
    }

    /// The sampler as it is now, so a collector can go on from the last sample.
    var samplerState: Sampler { sampler }

    /// Re-reads the threads of the selected process (and the detail view's process).
    func refreshThreads() {
        let pid = table.selectedPID
        if pid != threadsOf {
            threadSampler = ThreadSampler()
            threadsOf = pid
        }
        if let pid, let list = try? kernel.threadList(of: pid) {
            threads = list
            threadCPU = threadSampler.sample(list, now: table.sample.stats.uptimeNanoseconds)
        } else {
            threads = []
            threadCPU = []
        }
        if case .detail(let pid, _) = mode { loadDetail(pid) }
    }

    /// Gathers what the detail view shows of `pid`.
    func loadDetail(_ pid: PID) {
        let process = kernel.process(pid)
        let list = (try? kernel.threadList(of: pid)) ?? []
        let cpu =
            pid == threadsOf && list.map(\.tid) == threads.map(\.tid) ? threadCPU : list.map { _ in 0.0 }
        let logs = ((try? kernel.logs(of: pid)) ?? []).suffix(20)
        let events = kernel.events().filter { $0.pid == pid || $0.peer == pid }.suffix(
            MonitorController.detailEvents)
        detail = ProcessDetail(
            pid: pid, process: process, threads: list, threadCPU: cpu, logs: Array(logs),
            events: Array(events), regions: (try? kernel.contextRegions(of: pid)) ?? [],
            mailbox: (try? kernel.mailbox(of: pid)) ?? [], metrics: kernel.metrics(of: pid),
            provenance: try? kernel.provenance(of: pid))
    }

    /// Mutating access to the model for the key handlers.
    func withTable(_ body: (inout ProcessTable) -> Void) {
        let before = table.selectedPID
        body(&table)
        if table.selectedPID != before { refreshThreads() }
    }
}
