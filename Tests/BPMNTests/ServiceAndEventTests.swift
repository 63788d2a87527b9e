import BPMN
import Kernel
import Language
import Testing

/// Service tasks, message events, call activities, errors and retries.
@Suite struct ServiceAndEventTests {
    static func steps(_ ids: String...) -> Value { .list(ids.map { .str($0) }) }

    /// Loads and starts a `pricing` service that answers `{price: amount * 2}`.
    static func startPricing(_ kernel: Kernel) throws {
        let source = """
            orchestrator pricing version "1.0.0"
            fn main(args) {
              register("pricing")
              loop {
                receive {
                  {request, message} => reply(request, {price: message.amount * 2})
                }
              }
            }
            """
        let program = try Compiler.compile(source: source, file: "pricing.orch")
        _ = try kernel.load(kernel.executable(for: program, source: "pricing.orch"))
        _ = try kernel.spawn("pricing")
        kernel.run(forMilliseconds: 1)
    }

    @Test(arguments: [
        #"dkctl:service="pricing""#, #"camunda:type="external" camunda:topic="pricing""#,
    ])
    func serviceTaskCallsARegisteredService(attributes: String) throws {
        let xml = XML.process(
            [
                XML.start(), #"<bpmn:serviceTask id="price" \#(attributes) dkctl:timeout="PT2S"/>"#,
                XML.end(),
                XML.flows("s->price", "price->e"),
            ].joined(separator: "\n"))
        let run = try Support.run(xml, args: ["amount=21"], setup: Self.startPricing)
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["price"]?.description == "{price: 42}")
    }

    @Test func serviceTaskWithoutTheServiceFailsNamingTheTask() throws {
        let xml = XML.process(
            [
                XML.start(), #"<bpmn:serviceTask id="price" dkctl:service="nobody"/>"#, XML.end(),
                XML.flows("s->price", "price->e"),
            ].joined(separator: "\n"))
        let run = try Support.run(xml)
        #expect(run.status?.code == 70)
        #expect(run.status?.reason.hasPrefix("t.bpmn:5: bpmn:serviceTask id=price: call: no service") == true)
    }

    @Test func serviceTaskCallsCompanionFunctionsAndExpressions() throws {
        let companion = (
            source:
                "orchestrator helpers version \"1.0.0\"\nfn double(vars) { return vars.n * 2 }\nfn add(a, b) { return a + b }\n",
            file: "helpers.orch"
        )
        let xml = XML.process(
            [
                XML.start(), #"<bpmn:serviceTask id="d" dkctl:function="double" dkctl:result="twice"/>"#,
                #"<bpmn:serviceTask id="x" camunda:expression="${add(twice, n)}"/>"#, XML.end(),
                XML.flows("s->d", "d->x", "x->e"),
            ].joined(separator: "\n"))
        let run = try Support.run(xml, args: ["n=7"], companion: companion)
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["twice"] == .int(14))
        #expect(run.decision["x"] == .int(21))
    }

    static let messageProcess = XML.process(
        [
            XML.start(),
            #"<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="M"/></bpmn:intermediateCatchEvent>"#,
            XML.end(), XML.flows("s->wait", "wait->e"),
        ].joined(separator: "\n"),
        extra: #"<bpmn:message id="M" name="paid"/>"#)

    static func message(_ text: String) throws -> Value { try Value.parseLiteral(text) }

    @Test func messageCatchWaitsForItsMessageAndKey() throws {
        let run = try Support.run(Self.messageProcess, args: ["key=7"]) { kernel, pid in
            kernel.run(forMilliseconds: 10)
            try kernel.send(Self.message(#"{message: "other", key: 7}"#), to: .process(pid))
            try kernel.send(Self.message(#"{message: "paid", key: 8}"#), to: .process(pid))
            kernel.run(forMilliseconds: 10)
            #expect(kernel.process(pid)?.exitCode == nil)
            try kernel.send(Self.message(#"{message: "paid", key: 7, amount: 12}"#), to: .process(pid))
        }
        #expect(run.status?.code == 0)
        #expect(run.decision["steps"] == Self.steps("s", "wait", "e"))
        #expect(run.decision["amount"] == .int(12))
    }

    @Test func messageCatchWithoutAKeyTakesAnyKey() throws {
        let run = try Support.run(Self.messageProcess) { kernel, pid in
            try kernel.send(Self.message(#"{message: "paid", key: "abc"}"#), to: .process(pid))
        }
        #expect(run.status?.code == 0)
    }

    @Test func messageCatchWaitsWhileNoMessageComes() throws {
        let run = try Support.run(Self.messageProcess, args: ["key=1"])
        #expect(run.status == nil)
        #expect(run.decision["pending"] == .list([.str("wait")]))
        #expect(run.decision["current"] == .str("wait"))
    }

    @Test func callActivityOfAMissingProgramFailsNamingIt() throws {
        let xml = XML.process(
            [
                XML.start(), #"<bpmn:callActivity id="c" calledElement="ghost"/>"#, XML.end(),
                XML.flows("s->c", "c->e"),
            ].joined(separator: "\n"))
        let run = try Support.run(xml)
        #expect(run.status?.code == 70)
        #expect(
            run.status?.reason.hasPrefix("t.bpmn:5: bpmn:callActivity id=c: spawn:") == true,
            "\(String(describing: run.status))")
    }

    static func boundaryProcess(code: String, retries: Int) -> String {
        XML.process(
            """
            \(XML.start())
            \(XML.script("t", "tries_seen = (tries_seen ?? 0) + 1\nthrow {kind: \"\(code)\", message: \"no stock\"}", " dkctl:retries=\"\(retries)\""))
            <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:errorEventDefinition errorRef="Err"/></bpmn:boundaryEvent>
            \(XML.task("handle"))
            \(XML.end())
            \(XML.flows("s->t", "t->e", "b->handle"))
            """,
            extra: #"<bpmn:error id="Err" errorCode="STOCK"/>"#)
    }

    @Test func errorBoundaryCatchesItsErrorCodeAfterRetries() throws {
        let run = try Support.run(Self.boundaryProcess(code: "STOCK", retries: 2))
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["steps"] == Self.steps("s", "t", "b", "handle"))
        #expect(run.decision["error"]?.description == #"{kind: "STOCK", message: "no stock", element: "t"}"#)
        #expect(run.output.isEmpty)
    }

    @Test func otherErrorCodesEndTheProcessNamingTheTask() throws {
        let run = try Support.run(Self.boundaryProcess(code: "OTHER", retries: 0))
        #expect(run.status?.code == 70)
        #expect(run.status?.reason == "t.bpmn:5: bpmn:scriptTask id=t: no stock")
    }
}
