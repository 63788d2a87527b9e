import BPMN
import Kernel
import Language
import Testing

@Suite struct ExampleTests {
    @Test func orderApprovalSmallAmountIsApprovedAutomatically() throws {
        let xml = try Support.example("order-approval.bpmn")
        print(try BPMNCompiler.generatedSource(xml: xml, file: "order-approval.bpmn"))
        let run = try Support.run(xml, args: ["amount=200"])
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["steps"] == .list(["Start", "Check", "Amount", "Auto", "Merge", "End"].map { .str($0) }))
        #expect(run.decision["approved"] == .bool(true))
        #expect(run.output == ["approved automatically: 200"])
    }
}
