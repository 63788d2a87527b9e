import Kernel
import Testing

@testable import Shell

/// Signalling a zombie says it has exited, not that there is no such process.
@Suite struct ExitedProcessFailureTests {
    @Test(arguments: ["kill", "kill -KILL", "suspend", "resume", "renice 1"])
    func aZombieHasAlreadyExited(command: String) throws {
        let harness = try SessionHarness(programs: ["quick.orch": SessionHarness.quick])
        let session = harness.session
        #expect(session.run("spawn \(harness.path("quick.orch")); sleep 0.1", stopOnFailure: true) == 0)
        #expect(session.kernel.process(3)?.state == .exited)
        #expect(session.run("\(command) 3", stopOnFailure: true) == 3)
        #expect(
            session.failure(of: .noSuchProcess(3))
                == .unknownID("process 3 has already exited (wait 3 reaps it)"))
    }

    @Test func aReapedOrUnknownProcessIsNoSuchProcess() throws {
        let harness = try SessionHarness(programs: ["quick.orch": SessionHarness.quick])
        let session = harness.session
        #expect(session.run("spawn \(harness.path("quick.orch")); wait 3", stopOnFailure: true) == 0)
        #expect(session.failure(of: .noSuchProcess(3)) == .unknownID("no such process: 3"))
        #expect(session.failure(of: .noSuchProcess(99)) == .unknownID("no such process: 99"))
    }
}
