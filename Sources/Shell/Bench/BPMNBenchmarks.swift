import BPMN
import Foundation
import Kernel
import Language

/// `bpmn`: instances per second of a 20-activity BPMN process (each activity a script task
/// run as a thread), compiled once and spawned `size` times, at most 64 running at once.
enum BPMNBenchmarks {
    static func instances(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let program: Program
        do {
            program = try BPMNCompiler.compile(xml: BPMNBenchmark.process(activities: 20), file: "bench.bpmn")
        } catch {
            throw BenchFailure("the benchmark process does not compile: \(error)")
        }
        let kernel = Kernel(configuration: options.kernel)
        kernel.start()
        defer { kernel.shutdown() }
        let shell = kernel.attachExternalProcess(name: "bench")
        let executable = kernel.executable(for: program, source: "bench.bpmn")
        let start = monotonicSeconds()
        var running: [PID] = []
        var finished = 0
        var next = 0
        while finished < size {
            while running.count < 64 && next < size {
                do {
                    running.append(try kernel.spawn(executable, options: SpawnOptions(parent: shell)))
                } catch {
                    throw BenchFailure("cannot spawn: \(error)")
                }
                next += 1
            }
            let pid = running.removeFirst()
            let status: ExitStatus?
            do { status = try kernel.wait(pid, timeoutMilliseconds: 60_000) } catch {
                throw BenchFailure("\(error)")
            }
            guard let status, status.code == 0 else {
                throw BenchFailure("an instance failed: \(String(describing: status))")
            }
            finished += 1
        }
        let elapsed = monotonicSeconds() - start
        return [
            BenchResult(
                workload: "bpmn", params: "instances=\(size) activities=20", value: Double(size) / elapsed,
                unit: "instances/s")
        ]
    }
}
