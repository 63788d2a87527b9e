import BPMN
import Foundation
import Kernel
import Language

/// Helpers shared by the BPMN tests: files, compiling, and running on a deterministic kernel.
enum Support {
    /// The repository's root (tests run from anywhere).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// An example file of `shell-scripts/bpmn/`.
    static func example(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("shell-scripts/bpmn/\(name)"), encoding: .utf8)
    }

    /// The compile errors of `xml`, as printed lines (empty when it compiles).
    static func errors(_ xml: String, companion: BPMNCompiler.Companion? = nil) -> [String] {
        do {
            _ = try BPMNCompiler.compile(xml: xml, file: "t.bpmn", companion: companion)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// What a run ended with: exit status, the decision region, printed lines.
    struct Run {
        var status: ExitStatus?
        var decision: [String: Value]
        var output: [String]
    }

    /// Compiles `xml`, loads it (and `others`) on a deterministic kernel, runs it with `args`.
    static func run(
        _ xml: String, args: [String] = [], companion: BPMNCompiler.Companion? = nil, others: [String] = [],
        during: (Kernel, PID) throws -> Void = { _, _ in }, setup: (Kernel) throws -> Void = { _ in }
    ) throws -> Run {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        for other in others {
            let p = try BPMNCompiler.compile(xml: other, file: "other.bpmn")
            _ = try kernel.load(kernel.executable(for: p, source: "other.bpmn"))
        }
        let program = try BPMNCompiler.compile(xml: xml, file: "t.bpmn", companion: companion)
        _ = try kernel.load(kernel.executable(for: program, source: "t.bpmn"))
        try setup(kernel)
        let lines = LineBox()
        kernel.setOutputHandler { _, line in lines.append(line) }
        let shell = kernel.attachExternalProcess(name: "test")
        let pid = try kernel.spawn(program.name, arguments: args, options: SpawnOptions(parent: shell))
        try during(kernel, pid)
        kernel.runUntilIdle()
        var decision: [String: Value] = [:]
        for region in try kernel.contextRegions(of: pid) where region.name == "decision" {
            for (key, value) in region.values { decision[key] = value }
        }
        let status = try kernel.wait(pid, timeoutMilliseconds: 1)
        return Run(status: status, decision: decision, output: lines.lines)
    }
}

/// Collects output lines from the kernel's handler thread.
final class LineBox: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

/// Small BPMN documents for tests: `XML.process(body)` puts elements into a process;
/// the body starts on line 4.
enum XML {
    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:dkctl="http://dkctl.dev/schema/bpmn" id="D">
        """

    static func process(_ body: String, id: String = "p", attributes: String = "", extra: String = "")
        -> String
    {
        """
        \(header)
        <bpmn:process id="\(id)" isExecutable="true"\(attributes)>
        \(body)
        </bpmn:process>
        \(extra)
        </bpmn:definitions>
        """
    }

    /// Sequence flows `a->b` (id `a_b`), one per line.
    static func flows(_ pairs: String...) -> String {
        pairs.map { pair in
            let parts = pair.components(separatedBy: "->")
            return
                #"<bpmn:sequenceFlow id="\#(parts[0])_\#(parts[1])" sourceRef="\#(parts[0])" targetRef="\#(parts[1])"/>"#
        }.joined(separator: "\n")
    }

    static func start(_ id: String = "s") -> String { #"<bpmn:startEvent id="\#(id)"/>"# }
    static func end(_ id: String = "e") -> String { #"<bpmn:endEvent id="\#(id)"/>"# }
    static func task(_ id: String) -> String { #"<bpmn:task id="\#(id)"/>"# }
    static func script(_ id: String, _ code: String, _ attributes: String = "") -> String {
        #"<bpmn:scriptTask id="\#(id)"\#(attributes)><bpmn:script>\#(code)</bpmn:script></bpmn:scriptTask>"#
    }
}
