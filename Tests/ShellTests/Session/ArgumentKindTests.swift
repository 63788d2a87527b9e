import Testing

@testable import Shell

/// What Tab completes after each command: the argument's kind, options skipped.
@Suite struct ArgumentKindTests {
    private func kind(_ line: String) -> ArgumentKind {
        let words = line.split(separator: " ").map(String.init)
        return ArgumentKind.of(command: words[0], before: Array(words.dropFirst()))
    }

    @Test func runningTakesAnExecutableThenItsArguments() {
        #expect(kind("spawn") == .executable)
        #expect(kind("spawn --nice 5 --tool") == .path)
        #expect(kind("spawn --nice") == .other)
        #expect(kind("spawn --nice 5 --name w") == .executable)
        #expect(kind("spawn worker") == .path)
        #expect(kind("run") == .executable)
        #expect(kind("disasm") == .executable)
        #expect(kind("disasm worker") == .other)
    }

    @Test func filesAndNames() {
        #expect(kind("load") == .programFile)
        #expect(kind("load --version") == .other)
        #expect(kind("check") == .programFile)
        #expect(kind("source") == .path)
        #expect(kind("source a.dksh") == .path)
        #expect(kind("swap") == .executableName)
        #expect(kind("swap worker") == .version(of: "worker"))
        #expect(kind("help") == .command)
        #expect(kind("programs") == .other)
        #expect(kind("echo") == .other)
    }

    @Test func processesAndThreads() {
        #expect(kind("kill") == .processOrThread)
        #expect(kind("kill -KILL 3") == .processOrThread)
        #expect(kind("kill -s") == .other)
        #expect(kind("wait 3 --timeout") == .other)
        #expect(kind("wait 3") == .process)
        #expect(kind("renice -n") == .other)
        #expect(kind("renice -n -5") == .process)
        #expect(kind("threads") == .process)
        #expect(kind("threads 3") == .other)
        #expect(kind("ctx") == .process)
        #expect(kind("send") == .process)
        #expect(kind("logs -n") == .other)
        #expect(kind("logs -n 5") == .process)
        #expect(kind("events --pid") == .process)
        #expect(kind("mailbox") == .processOrThread)
        #expect(kind("step") == .thread)
        #expect(kind("suspend 3") == .process)
    }
}
