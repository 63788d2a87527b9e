import Foundation
import Kernel

/// `top-frame`: one monitor frame (collect, lay out, draw off screen) over many processes.
enum MonitorBenchmarks {
    static func topFrame(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        guard let measure = options.measureFrame else {
            throw BenchFailure("this build has no monitor to measure")
        }
        var configuration = options.kernel
        configuration.eventCapacity = 1000
        let kernel = Kernel(configuration: configuration)
        kernel.start()
        defer { kernel.shutdown() }
        let idle = Executable(name: "idle") { _ in
            ClosureRunnable { slice in
                slice.used = 1
                return slice.thread.takeMessage() == nil
                    ? .blocked(.receive(timeoutMilliseconds: nil)) : .finished(.int(0))
            }
        }
        for _ in 0..<size {
            do { _ = try kernel.spawn(idle) } catch { throw BenchFailure("cannot spawn: \(error)") }
        }
        try ShellBenchmarks.waitUntilIdle(kernel, processes: size)
        _ = measure(kernel, 80, 24)  // warm up
        var best = Double.infinity
        for _ in 0..<5 {
            let duration = measure(kernel, 80, 24)
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        return [
            BenchResult(
                workload: "top-frame", params: "processes=\(size) 80x24 best of 5", value: best * 1000,
                unit: "ms/frame")
        ]
    }
}
