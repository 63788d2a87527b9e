import BPMN
import Kernel
import Language
import Testing

/// The example files of `shell-scripts/bpmn/` compile and run as documented.
@Suite struct ExampleTests {
    static func steps(_ ids: [String]) -> Value { .list(ids.map { .str($0) }) }

    @Test func orderApprovalSmallAmountIsApprovedAutomatically() throws {
        let run = try Support.run(try Support.example("order-approval.bpmn"), args: ["amount=200"])
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["steps"] == Self.steps(["Start", "Check", "Amount", "Auto", "Merge", "End"]))
        #expect(run.decision["approved"] == .bool(true))
        #expect(run.decision["checked"] == .bool(true))
        #expect(run.decision["pending"] == .list([]))
        #expect(run.decision["current"] == .str("End"))
        #expect(run.output == ["approved automatically: 200"])
    }

    @Test func orderApprovalLargeAmountWaitsForTheTimer() throws {
        let kernelStart = ContinuousClock.now
        let run = try Support.run(try Support.example("order-approval.bpmn"), args: ["amount=2500"])
        #expect(run.status?.code == 0)
        #expect(
            run.decision["steps"]
                == Self.steps(["Start", "Check", "Amount", "Review", "Manager", "Merge", "End"]))
        #expect(run.decision["approved"] == .bool(true))
        #expect(run.output == ["manager: amount 2500 approved true"])
        #expect(ContinuousClock.now - kernelStart < .seconds(5), "the 5 s timer runs on the virtual clock")
    }

    @Test func orderApprovalHasItsNameAndVersion() throws {
        let program = try BPMNCompiler.compile(
            xml: try Support.example("order-approval.bpmn"), file: "order-approval.bpmn")
        #expect(program.name == "order-approval")
        #expect(program.version == "1.0.0")
        #expect(program.kind == .orchestrator)
        let other = try BPMNCompiler.compile(
            xml: try Support.example("order-approval.bpmn"), file: "order-approval.bpmn", version: "2.1.0")
        #expect(other.version == "2.1.0")
    }

    @Test func analysisRunsThreeBranchesInParallelAndDecides() throws {
        let companion = (source: try Support.example("analysis.orch"), file: "analysis.orch")
        let run = try Support.run(try Support.example("analysis.bpmn"), companion: companion)
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["verdict"] == .str("go"))
        #expect(run.decision["Simulation"] == .int(34))
        #expect(run.decision["Evaluation"] == .int(0))
        guard case .list(let steps)? = run.decision["steps"] else {
            Issue.record("no steps")
            return
        }
        #expect(steps.first == .str("Start"))
        #expect(steps.suffix(3) == [.str("Join"), .str("Decision"), .str("End")])
        #expect(Set(steps[2..<5].map(\.description)) == ["\"Analysis\"", "\"Simulation\"", "\"Evaluation\""])
        let program = try BPMNCompiler.compile(
            xml: try Support.example("analysis.bpmn"), file: "analysis.bpmn", companion: companion)
        #expect(program.version == "1.1.0")
    }

    @Test func parentCallsChildAndWaits() throws {
        let child = try Support.example("child-review.bpmn")
        let run = try Support.run(try Support.example("parent-call.bpmn"), others: [child])
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["steps"] == Self.steps(["Start", "Prepare", "CallReview", "Done"]))
        #expect(run.output == ["child-review: order 42"])
    }

    @Test func failingChildGoesToTheErrorBoundaryAfterARetry() throws {
        let child = try Support.example("child-review.bpmn")
        let run = try Support.run(
            try Support.example("parent-call.bpmn"), args: ["order=-1"], others: [child])
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(
            run.decision["steps"]
                == Self.steps(["Start", "Prepare", "CallReview", "ReviewFailed", "Report", "Failed"]))
        #expect(run.output.filter { $0 == "child-review: order -1" }.count == 2, "tried twice: \(run.output)")
        #expect(run.output.last?.hasPrefix("review failed: bpmn:callActivity id=CallReview") == false)
        #expect(run.output.last?.hasPrefix("review failed: process child-review") == true, "\(run.output)")
    }

    @Test func childAloneFailsWithItsErrorEndEvent() throws {
        let run = try Support.run(try Support.example("child-review.bpmn"), args: ["order=0"])
        #expect(run.status?.code == 70)
        #expect(
            run.status?.reason.contains("bpmn:endEvent id=Rejected ended the process with error INVALID")
                == true)
        #expect(run.status?.reason.hasPrefix("t.bpmn:26:") == true, "\(String(describing: run.status))")
        #expect(run.decision["error"]?.description == #"{kind: "INVALID", element: "Rejected"}"#)
    }
}

/// The benchmark process runs; prints instances per second (deterministic kernel).
@Suite struct BenchmarkTests {
    @Test func twentyActivityProcessRuns() throws {
        let program = try BPMNCompiler.compile(xml: BPMNBenchmark.process(activities: 20), file: "bench.bpmn")
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        _ = try kernel.load(kernel.executable(for: program, source: "bench.bpmn"))
        let clock = ContinuousClock()
        let start = clock.now
        let instances = 50
        for _ in 0..<instances {
            let pid = try kernel.spawn("bench")
            #expect(try kernel.wait(pid)?.code == 0)
        }
        let seconds =
            Double((clock.now - start).components.attoseconds) / 1e18
            + Double((clock.now - start).components.seconds)
        print(
            "bpmn bench: \(Int(Double(instances) / max(seconds, 1e-9))) instances/s (20 activities, debug build)"
        )
    }
}
