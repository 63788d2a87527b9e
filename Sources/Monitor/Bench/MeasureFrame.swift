import Kernel

#if canImport(Glibc)
    import Glibc
#endif

/// What one monitor frame costs, split in its stages (`dkctl bench top-frame`).
public struct FrameTiming: Sendable {
    /// Reading the process table and stats from the kernel.
    public var collect: Duration
    /// Sorting, building the tree, following the selection.
    public var model: Duration
    /// Laying out the visible screen as text rows (the off-screen buffer).
    public var layout: Duration
    public var total: Duration { collect + model + layout }
    /// Processes in the sample.
    public var processes: Int
}

/// One full frame off screen: a collect, the model rebuilt (tree mode, sorted by CPU%), and
/// a `width`×`height` screen laid out as text rows. Time it at 100,000 processes.
public func measureFrame(kernel: Kernel, width: Int = 80, height: Int = 24) -> Duration {
    measureFrameStages(kernel: kernel, width: width, height: height).total
}

/// ``measureFrame(kernel:width:height:)`` with each stage's time.
public func measureFrameStages(kernel: Kernel, width: Int = 80, height: Int = 24) -> FrameTiming {
    let clock = ContinuousClock()
    let start = clock.now
    var sampler = Sampler()
    let sample = sampler.collect(from: kernel)
    let collected = clock.now
    var table = ProcessTable(sample: sample, treeMode: true, sortKey: .cpu)
    table.select(row: table.rows.count / 2)
    let modelled = clock.now
    let controller = MonitorController(kernel: kernel, table: table, glyphs: .unicode)
    let lines = controller.screen(width: width, height: height)
    let laidOut = clock.now
    _ = lines.count
    return FrameTiming(
        collect: collected - start, model: modelled - collected, layout: laidOut - modelled,
        processes: sample.processes.count)
}
