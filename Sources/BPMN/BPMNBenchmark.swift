/// Benchmark inputs: generated BPMN processes.
public enum BPMNBenchmark {
    /// A process `bench` (version 1.0.0) of `activities` script tasks in a chain between a
    /// start and an end event; each task adds 1 to `n` in the `decision` region. One instance
    /// runs `activities` threads and writes `n == activities` at the end. The recipe for
    /// `dkctl bench bpmn`: compile it once with `BPMNCompiler.compile`, load it, and time how
    /// many instances (`spawn bench` + `wait`) complete per second.
    public static func process(activities: Int = 20) -> String {
        let count = max(1, activities)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bench-definitions">"#,
            #"  <bpmn:process id="bench" isExecutable="true">"#,
            #"    <bpmn:startEvent id="start"/>"#,
        ]
        for i in 0..<count {
            lines.append(
                #"    <bpmn:scriptTask id="task\#(i)"><bpmn:script>n = (n ?? 0) + 1</bpmn:script></bpmn:scriptTask>"#
            )
        }
        lines.append(#"    <bpmn:endEvent id="end"/>"#)
        lines.append(#"    <bpmn:sequenceFlow id="flow0" sourceRef="start" targetRef="task0"/>"#)
        for i in 1..<max(count, 1) {
            lines.append(
                #"    <bpmn:sequenceFlow id="flow\#(i)" sourceRef="task\#(i - 1)" targetRef="task\#(i)"/>"#)
        }
        lines.append(#"    <bpmn:sequenceFlow id="flowEnd" sourceRef="task\#(count - 1)" targetRef="end"/>"#)
        lines.append("  </bpmn:process>")
        lines.append("</bpmn:definitions>")
        return lines.joined(separator: "\n") + "\n"
    }
}
