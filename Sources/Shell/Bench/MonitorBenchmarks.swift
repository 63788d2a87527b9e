import Foundation
import Kernel

/// `top-frame`: one monitor frame (collect, lay out, draw off screen) over many processes: a
/// steady-state tick, in which every process is read from the kernel again; only buffers and
/// the previous CPU readings are kept from the ticks before.
enum MonitorBenchmarks {
    static func topFrame(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        guard let measure = options.measureFrame else {
            throw BenchFailure("this build has no monitor to measure")
        }
        let kernel = try ShellBenchmarks.idleKernel(processes: size, options: options)
        defer { kernel.shutdown() }
        _ = measure(kernel, 80, 24)  // warm up
        var best = Double.infinity
        for _ in 0..<5 {
            let duration = measure(kernel, 80, 24)
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        return [
            BenchResult(
                workload: "top-frame",
                params: "processes=\(size) 80x24 steady tick, every row re-read, best of 5",
                value: best * 1000,
                unit: "ms/frame")
        ]
    }
}
