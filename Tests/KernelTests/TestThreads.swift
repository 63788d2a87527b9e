@testable import Kernel

/// Kernel threads with TIDs `tids`, of one process that no kernel runs: for tests of the
/// scheduler's and the process's containers.
func makeThreads(_ tids: Range<Int>) -> [KThread] {
    let executable = Executable(name: "threads") { _ in ClosureRunnable { _ in .finished(.nil) } }
    let process = KProcess(
        pid: 100, parent: 1, executable: executable, arguments: [], options: SpawnOptions(),
        limits: KernelConfiguration().limits, restartCount: 0, now: 0)
    return tids.map {
        KThread(
            tid: $0, process: process, name: "t", runnable: ClosureRunnable { _ in .yielded }, nice: 0, now: 0
        )
    }
}
