import BPMN
import Foundation
import Language
import Testing

/// Malformed input gives errors (or a working program): never a crash or a hang.
@Suite struct MalformedTests {
    /// Compiles and returns the errors; fails the test if it takes too long.
    static func check(_ xml: String, _ what: String) -> [CompileError] {
        let start = ContinuousClock.now
        defer { #expect(ContinuousClock.now - start < .seconds(120), "\(what) took too long: a hang?") }
        do {
            _ = try BPMNCompiler.compile(xml: xml, file: "m.bpmn")
            return []
        } catch {
            #expect(!error.errors.isEmpty, "\(what): a failure without errors")
            for e in error.errors { #expect(e.line >= 1 && e.column >= 1, "\(what): \(e)") }
            return error.errors
        }
    }

    @Test(arguments: [
        ("", "empty"),
        ("hello", "not XML"),
        (
            "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"p\">",
            "unclosed"
        ),
        ("<a><b></a>", "mismatched"),
        (
            "<definitions xmlns=\"http://example.com/other\"><process id=\"p\"/></definitions>",
            "wrong namespace"
        ),
        (
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><x>&b;</x>",
            "entities"
        ),
        ("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>", "no process"),
        (
            "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process/></bpmn:definitions>",
            "process without id"
        ),
    ])
    func brokenDocumentsGiveErrors(xml: String, what: String) {
        #expect(!Self.check(xml, what).isEmpty, "\(what)")
    }

    @Test func truncatedExamplesGiveErrors() throws {
        let xml = try Support.example("order-approval.bpmn")
        let bytes = Array(xml.utf8)
        for cut in stride(from: 0, to: bytes.count - 20, by: 97) {
            let text = String(decoding: bytes[0..<cut], as: UTF8.self)
            #expect(!Self.check(text, "cut at \(cut)").isEmpty, "cut at \(cut)")
        }
    }

    @Test func binaryGivesAnError() {
        var generator = SeededGenerator(seed: 7)
        let bytes = (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(!Self.check(String(decoding: bytes, as: UTF8.self), "binary").isEmpty)
    }

    @Test func deepNestingGivesAnError() {
        let deep = String(repeating: "<a>", count: 50_000) + String(repeating: "</a>", count: 50_000)
        #expect(!Self.check(deep, "deep").isEmpty)
        let ns = "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        let deepBPMN =
            "<bpmn:definitions \(ns)><bpmn:process id=\"p\">"
            + String(repeating: "<bpmn:extensionElements>", count: 190)
            + String(repeating: "</bpmn:extensionElements>", count: 190)
            + "</bpmn:process></bpmn:definitions>"
        #expect(
            Self.check(deepBPMN, "deep bpmn").map(\.message) == [
                "process p has no start event (bpmn:startEvent)"
            ])
    }

    /// About 10,000 elements (5,000 activities and their flows). Only a hang guard: speed is
    /// measured by `dkctl bench bpmn`, not here.
    @Test(.timeLimit(.minutes(5))) func tenThousandElementsCompile() throws {
        let xml = BPMNBenchmark.process(activities: 5_000)
        let program = try BPMNCompiler.compile(xml: xml, file: "big.bpmn")
        #expect(program.name == "bench")
    }

    @Test func graphCyclesDoNotHang() {
        var body = [XML.start(), XML.flows("s->n0")]
        for i in 0..<2000 {
            body.append(#"<bpmn:exclusiveGateway id="n\#(i)" default="d\#(i)"/>"#)
            body.append(
                #"<bpmn:sequenceFlow id="d\#(i)" sourceRef="n\#(i)" targetRef="n\#((i + 1) % 2000)"/>"#)
            body.append(
                #"<bpmn:sequenceFlow id="c\#(i)" sourceRef="n\#(i)" targetRef="n\#((i * 7) % 2000)"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow>"#
            )
        }
        let errors = Self.check(XML.process(body.joined(separator: "\n")), "cycles")
        #expect(errors.contains { $0.message.contains("cycle") })
    }

    @Test func seededMutationsOfTheExamplesNeverCrash() throws {
        var generator = SeededGenerator(seed: 2024)
        let pieces = [
            "<", ">", "/>", "</bpmn:task>", "\"", "=", "&", "${", "}", "bpmn:", " id=\"x\"", "\n", "\u{0}",
        ]
        for name in ["order-approval.bpmn", "analysis.bpmn", "parent-call.bpmn", "child-review.bpmn"] {
            let original = Array(try Support.example(name))
            for round in 0..<60 {
                var text = original
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let at = Int.random(in: 0..<text.count, using: &generator)
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0: text.remove(at: at)
                    case 1: text.insert(contentsOf: pieces.randomElement(using: &generator) ?? "<", at: at)
                    case 2:
                        let end = min(text.count, at + Int.random(in: 1...40, using: &generator))
                        text.removeSubrange(at..<end)
                    default:
                        let other = Int.random(in: 0..<text.count, using: &generator)
                        text.swapAt(at, other)
                    }
                }
                _ = Self.check(String(text), "\(name) mutation \(round)")
            }
        }
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
