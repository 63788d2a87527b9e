import BPMN
import Kernel
import Language
import Testing

/// Each supported element compiles and runs as documented.
@Suite struct ElementTests {
    static func steps(_ ids: String...) -> Value { .list(ids.map { .str($0) }) }

    @Test func plainTaskAndMilestoneRecordTheirSteps() throws {
        let xml = XML.process(
            [
                XML.start(), XML.task("t"), #"<bpmn:intermediateThrowEvent id="m"/>"#, XML.end(),
                XML.flows("s->t", "t->m", "m->e"),
            ].joined(separator: "\n"))
        let run = try Support.run(xml)
        #expect(run.status?.code == 0)
        #expect(run.decision["steps"] == Self.steps("s", "t", "m", "e"))
        #expect(run.decision["current"] == .str("e"))
    }

    @Test func activityWithoutOutgoingFlowIsAnImplicitEnd() throws {
        let xml = XML.process([XML.start(), XML.task("t"), XML.flows("s->t")].joined(separator: "\n"))
        let run = try Support.run(xml)
        #expect(run.status?.code == 0)
        #expect(run.decision["steps"] == Self.steps("s", "t"))
    }

    @Test func scriptTaskReadsWritesAndReturns() throws {
        let xml = XML.process(
            [
                XML.start(), XML.script("a", "total = x + 1\nlet local = 5"),
                XML.script("b", "return total * 10", #" camunda:resultVariable="big""#),
                XML.script("c", "return [total]"), XML.end(), XML.flows("s->a", "a->b", "b->c", "c->e"),
            ]
            .joined(separator: "\n"))
        let run = try Support.run(xml, args: ["x=4", "name=ann", "flag=true", "ratio=0.5"])
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["total"] == .int(5))
        #expect(run.decision["big"] == .int(50))
        #expect(run.decision["c"] == .list([.int(5)]))
        #expect(run.decision["local"] == nil)
        #expect(run.decision["name"] == .str("ann"))
        #expect(run.decision["flag"] == .bool(true))
        #expect(run.decision["ratio"] == .float(0.5))
    }

    @Test func exclusiveGatewayTakesTheFirstTrueConditionOrTheDefault() throws {
        let xml = XML.process(
            """
            \(XML.start())
            <bpmn:exclusiveGateway id="g" default="g_c"/>
            \(XML.task("a"))
            \(XML.task("b"))
            \(XML.task("c"))
            \(XML.end())
            \(XML.flows("s->g", "g->c", "a->e", "b->e", "c->e"))
            <bpmn:sequenceFlow id="g_a" sourceRef="g" targetRef="a"><bpmn:conditionExpression>${amount &gt; 1000}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="g_b" sourceRef="g" targetRef="b"><bpmn:conditionExpression>amount &gt; 10 &amp;&amp; kind == "x"</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)
        #expect(
            try Support.run(xml, args: ["amount=5000"]).decision["steps"] == Self.steps("s", "g", "a", "e"))
        #expect(
            try Support.run(xml, args: ["amount=50", "kind=x"]).decision["steps"]
                == Self.steps("s", "g", "b", "e"))
        #expect(try Support.run(xml, args: ["amount=50"]).decision["steps"] == Self.steps("s", "g", "c", "e"))
    }

    @Test func exclusiveGatewayWithoutTrueConditionOrDefaultFailsNamingIt() throws {
        let xml = XML.process(
            """
            \(XML.start())
            <bpmn:exclusiveGateway id="g"/>
            \(XML.end())
            \(XML.flows("s->g"))
            <bpmn:sequenceFlow id="g_e" sourceRef="g" targetRef="e"><bpmn:conditionExpression>${n == 1}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)
        let run = try Support.run(xml)
        #expect(run.status?.code == 70)
        #expect(
            run.status?.reason
                == "t.bpmn:5: bpmn:exclusiveGateway id=g: no condition is true and there is no default flow")
    }

    @Test func conditionErrorsNameTheGatewayAndFlow() throws {
        let xml = XML.process(
            """
            \(XML.start())
            <bpmn:exclusiveGateway id="g" default="g_e"/>
            \(XML.end())
            \(XML.flows("s->g", "g->e"))
            <bpmn:sequenceFlow id="g_x" sourceRef="g" targetRef="e"><bpmn:conditionExpression>${n + 1 > 2}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)
        let run = try Support.run(xml)
        #expect(run.status?.code == 70)
        #expect(
            run.status?.reason.hasPrefix("t.bpmn:5: bpmn:exclusiveGateway id=g: condition of g_x: ") == true)
    }

    @Test func parallelGatewayForksAndJoins() throws {
        let xml = XML.process(
            [
                XML.start(), #"<bpmn:parallelGateway id="f"/>"#, XML.script("a", "sleep(50)\nreturn 1"),
                XML.script("b", "return 2"), #"<bpmn:parallelGateway id="j"/>"#,
                XML.script("c", "return a + b"),
                XML.end(), XML.flows("s->f", "f->a", "f->b", "a->j", "b->j", "j->c", "c->e"),
            ]
            .joined(separator: "\n"))
        let run = try Support.run(xml)
        #expect(run.status?.code == 0, "\(String(describing: run.status))")
        #expect(run.decision["steps"] == Self.steps("s", "f", "b", "a", "j", "c", "e"))
        #expect(run.decision["c"] == .int(3))
    }

    @Test func parallelJoinIsPendingWhileItWaits() throws {
        let xml = XML.process(
            [
                XML.start(), #"<bpmn:parallelGateway id="f"/>"#, XML.script("a", "sleep(100)"), XML.task("b"),
                #"<bpmn:parallelGateway id="j"/>"#, XML.end(),
                XML.flows("s->f", "f->a", "f->b", "a->j", "b->j", "j->e"),
            ].joined(separator: "\n"))
        var pending: Value?
        let run = try Support.run(xml) { kernel, pid in
            kernel.run(forMilliseconds: 50)
            for region in try kernel.contextRegions(of: pid) where region.name == "decision" {
                pending = region.values.first { $0.key == "pending" }?.value
            }
        }
        #expect(pending == .list([.str("a"), .str("j")]))
        #expect(run.decision["pending"] == .list([]))
    }

    @Test func timerWaitsOnTheKernelClock() throws {
        let xml = XML.process(
            [
                XML.start(),
                #"<bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M30S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"#,
                XML.end(), XML.flows("s->t", "t->e"),
            ].joined(separator: "\n"))
        var early: Value?
        let run = try Support.run(xml) { kernel, pid in
            kernel.run(forMilliseconds: 89_000)
            early = try kernel.contextRegions(of: pid).first { $0.name == "decision" }?.values
                .first { $0.key == "steps" }?.value
        }
        #expect(early == Self.steps("s"))
        #expect(run.decision["steps"] == Self.steps("s", "t", "e"))
    }
}
