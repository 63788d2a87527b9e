/// BPMN 2.0 process definitions compiled to the kernel's bytecode.
public enum BPMNInfo {
    /// The BPMN 2.0 model namespace.
    public static let modelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL"
}
