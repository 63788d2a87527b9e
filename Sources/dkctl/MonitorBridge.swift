import Kernel
import Monitor
import Shell

/// Connects the shell's `top` command to the Monitor layer.
enum MonitorBridge {
    static let launcher = MonitorLauncher(
        interactive: { kernel, options in
            runMonitor(
                kernel: kernel,
                options: MonitorOptions(
                    delaySeconds: options.delaySeconds, noColor: options.noColor,
                    sortKey: SortKey(parsing: options.sort) ?? .pid, treeMode: options.tree))
        },
        batch: { kernel, options, emit in
            runBatch(
                kernel: kernel, iterations: options.iterations, delaySeconds: options.delaySeconds,
                width: options.width,
                treeMode: options.tree, sortKey: SortKey(parsing: options.sort) ?? .pid, emit: emit)
        })
}
