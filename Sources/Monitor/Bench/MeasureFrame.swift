import Kernel

/// What one monitor frame costs, split in its stages (`dkctl bench top-frame`).
public struct FrameTiming: Sendable {
    /// Reading every process's row and the stats from the kernel, and the CPU% deltas.
    public var collect: Duration
    /// Sorting, building the tree, following the selection, refreshing the threads pane.
    public var model: Duration
    /// Laying out the visible screen as text rows (the off-screen buffer), with the full
    /// snapshots of the processes on screen fetched from the kernel.
    public var layout: Duration
    public var total: Duration { collect + model + layout }
    /// Processes in the sample.
    public var processes: Int
}

/// One full frame off screen, made as the monitor makes one on each tick: a fresh collect of
/// every process (CPU% against the previous reading), the model rebuilt (tree mode, sorted by
/// CPU%, the middle row selected), and a `width`×`height` screen laid out, with the snapshots of
/// the rows on it fetched. Untimed before it: the monitor's first sample and three frames, so
/// the timed one runs in the steady state (buffers of earlier frames reused, as in a running
/// monitor); no process data is carried over but the previous CPU readings. Time it at
/// 100,000 processes.
public func measureFrame(kernel: Kernel, width: Int = 80, height: Int = 24) -> Duration {
    measureFrameStages(kernel: kernel, width: width, height: height).total
}

/// ``measureFrame(kernel:width:height:)`` with each stage's time.
public func measureFrameStages(kernel: Kernel, width: Int = 80, height: Int = 24) -> FrameTiming {
    let options = MonitorOptions(sortKey: .cpu, treeMode: true, glyphs: .unicode)
    let controller = MonitorController(kernel: kernel, options: options, colours: false)
    controller.withTable { $0.select(row: $0.rows.count / 2) }
    var sampler = controller.samplerState  // what the collector thread starts from
    for _ in 0..<3 { _ = frame(controller, &sampler, width: width, height: height) }
    return frame(controller, &sampler, width: width, height: height)
}

/// One tick of the monitor: a collect (as on the collector thread), the sample applied and the
/// screen laid out (as on the curses thread).
private func frame(
    _ controller: MonitorController, _ sampler: inout Sampler, width: Int, height: Int
) -> FrameTiming {
    let clock = ContinuousClock()
    let start = clock.now
    let sample = sampler.collect(from: controller.kernel)
    let collected = clock.now
    controller.apply(sample)
    let modelled = clock.now
    let lines = controller.screen(width: width, height: height)
    let laidOut = clock.now
    _ = lines.count
    return FrameTiming(
        collect: collected - start, model: modelled - collected, layout: laidOut - modelled,
        processes: sample.rows.count)
}
