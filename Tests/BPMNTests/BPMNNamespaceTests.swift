import BPMN
import Testing

@Suite struct BPMNNamespaceTests {
    @Test func modelNamespace() { #expect(BPMNInfo.modelNamespace.hasSuffix("/MODEL")) }
}
