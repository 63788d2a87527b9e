import BPMN
import Language
import Testing

/// Compile errors name the element, its id and its place in the XML, all at once.
@Suite struct ErrorTests {
    static let startEnd = [XML.start(), XML.end(), XML.flows("s->e")].joined(separator: "\n")

    @Test func unsupportedElementIsNamed() {
        let xml = XML.process(
            [XML.start(), #"<bpmn:inclusiveGateway id="G1"/>"#, XML.end(), XML.flows("s->G1", "G1->e")]
                .joined(separator: "\n"))
        #expect(
            Support.errors(xml).contains("t.bpmn:5:1: error: bpmn:inclusiveGateway id=G1 is not supported"))
    }

    @Test func unsupportedEventDefinitionsAndLoopsAreNamed() {
        let xml = XML.process(
            """
            <bpmn:startEvent id="s"><bpmn:timerEventDefinition/></bpmn:startEvent>
            <bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics/></bpmn:task>
            <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>
            <bpmn:subProcess id="sub"/>
            """)
        let errors = Support.errors(xml)
        #expect(
            errors.contains(
                "t.bpmn:4:25: error: bpmn:startEvent id=s with a bpmn:timerEventDefinition is not supported"))
        #expect(
            errors.contains(
                "t.bpmn:5:19: error: bpmn:task id=t: loops (bpmn:multiInstanceLoopCharacteristics) are not supported"
            ))
        #expect(
            errors.contains {
                $0.hasPrefix("t.bpmn:6:")
                    && $0.contains("bpmn:boundaryEvent id=b with a bpmn:timerEventDefinition")
            })
        #expect(errors.contains("t.bpmn:7:1: error: bpmn:subProcess id=sub is not supported"))
    }

    @Test func flowToAMissingIdIsNamed() {
        let xml = XML.process([XML.start(), XML.end(), XML.flows("s->nowhere")].joined(separator: "\n"))
        #expect(
            Support.errors(xml).contains(
                #"t.bpmn:6:1: error: bpmn:sequenceFlow id=s_nowhere: targetRef "nowhere" names no element of process p"#
            ))
    }

    @Test func gatewayWithoutAWayOut() {
        let xml = XML.process(
            [XML.start(), #"<bpmn:exclusiveGateway id="g"/>"#, XML.flows("s->g")].joined(separator: "\n"))
        #expect(
            Support.errors(xml).contains(
                "t.bpmn:5:1: error: bpmn:exclusiveGateway id=g has no outgoing flow: a token that reaches it has no way out"
            ))
    }

    @Test func parallelJoinAfterAnExclusiveChoiceCanNeverComplete() {
        let xml = XML.process(
            """
            \(XML.start())
            <bpmn:exclusiveGateway id="x" default="x_b"/>
            \(XML.task("a"))
            \(XML.task("b"))
            <bpmn:parallelGateway id="j"/>
            \(XML.end())
            \(XML.flows("s->x", "x->b", "a->j", "b->j", "j->e"))
            <bpmn:sequenceFlow id="x_a" sourceRef="x" targetRef="a"><bpmn:conditionExpression>go</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)
        let errors = Support.errors(xml)
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix("t.bpmn:8:1: error: bpmn:parallelGateway id=j can never complete") == true
        )
    }

    @Test func balancedParallelJoinIsAccepted() {
        let xml = XML.process(
            [
                XML.start(), #"<bpmn:parallelGateway id="f"/>"#, XML.task("a"), XML.task("b"),
                #"<bpmn:parallelGateway id="j"/>"#, XML.end(),
                XML.flows("s->f", "f->a", "f->b", "a->j", "b->j", "j->e"),
            ].joined(separator: "\n"))
        #expect(Support.errors(xml).isEmpty)
    }

    @Test func badConditionIsReportedAtItsPlaceInTheXML() {
        let xml = XML.process(
            """
            \(XML.start())
            <bpmn:exclusiveGateway id="g" default="g_e"/>
            \(XML.end())
            \(XML.flows("s->g", "g->e"))
            <bpmn:sequenceFlow id="g_x" sourceRef="g" targetRef="e">
              <bpmn:conditionExpression>${amount &gt; }</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)
        let errors = Support.errors(xml)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("t.bpmn:10:") == true, "\(errors)")
        #expect(errors.first?.contains("expected") == true)
    }

    @Test func unknownFunctionInAConditionIsReportedAtItsPlace() {
        let xml = XML.process(
            """
            \(XML.start())
            <bpmn:exclusiveGateway id="g" default="g_e"/>
            \(XML.end())
            \(XML.flows("s->g", "g->e"))
            <bpmn:sequenceFlow id="g_x" sourceRef="g" targetRef="e"><bpmn:conditionExpression>${nope(1)}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)
        #expect(Support.errors(xml) == ["t.bpmn:9:85: error: unknown function 'nope'"])
    }

    @Test func scriptErrorsPointIntoTheScript() {
        let xml = XML.process(
            [XML.start(), XML.script("t", "let a = 1\nlet b = (a +\n"), XML.end(), XML.flows("s->t", "t->e")]
                .joined(separator: "\n"))
        let errors = Support.errors(xml)
        #expect(errors.first?.hasPrefix("t.bpmn:6:") == true, "\(errors)")
    }

    @Test func noStartEvent() {
        let xml = XML.process([XML.task("t"), XML.end(), XML.flows("t->e")].joined(separator: "\n"))
        #expect(Support.errors(xml) == ["t.bpmn:3:1: error: process p has no start event (bpmn:startEvent)"])
    }

    @Test func cycleWithoutAWayOut() {
        let xml = XML.process(
            [XML.start(), XML.task("a"), XML.task("b"), XML.end(), XML.flows("s->a", "a->b", "b->a")]
                .joined(separator: "\n"))
        #expect(
            Support.errors(xml) == [
                "t.bpmn:5:1: error: cycle a → b → a has no way out: a token that enters it never reaches an end event"
            ])
    }

    @Test func cycleOfGatewaysCannotProgress() {
        let xml = XML.process(
            """
            \(XML.start())
            <bpmn:exclusiveGateway id="g1"/>
            <bpmn:exclusiveGateway id="g2" default="g2_g1"/>
            \(XML.end())
            \(XML.flows("s->g1", "g1->g2", "g2->g1"))
            <bpmn:sequenceFlow id="g2_e" sourceRef="g2" targetRef="e"><bpmn:conditionExpression>done</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)
        let errors = Support.errors(xml)
        #expect(
            errors.contains { $0.contains("passes no activity or waiting event: it cannot progress") },
            "\(errors)")
    }

    @Test func loopThroughATaskIsAccepted() {
        let xml = XML.process(
            """
            \(XML.start())
            \(XML.script("t", "n = (n ?? 0) + 1"))
            <bpmn:exclusiveGateway id="g" default="g_t"/>
            \(XML.end())
            \(XML.flows("s->t", "t->g", "g->t"))
            <bpmn:sequenceFlow id="g_e" sourceRef="g" targetRef="e"><bpmn:conditionExpression>n &gt;= 3</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)
        #expect(Support.errors(xml).isEmpty)
    }

    @Test func manyErrorsAtOnceInOrder() {
        let xml = XML.process(
            [#"<bpmn:inclusiveGateway id="G1"/>"#, #"<bpmn:complexGateway id="G2"/>"#, XML.flows("x->y")]
                .joined(separator: "\n"))
        let errors = Support.errors(xml)
        #expect(errors.count == 5, "\(errors)")
        #expect(
            errors
                == errors.sorted {
                    $0.split(separator: ":")[1].count <= $1.split(separator: ":")[1].count && $0 <= $1
                })
    }

    @Test func attributesAreChecked() {
        let xml = XML.process(
            """
            \(XML.start())
            <bpmn:serviceTask id="a"/>
            <bpmn:serviceTask id="b" dkctl:function="f" dkctl:retries="many"/>
            <bpmn:scriptTask id="c" scriptFormat="javascript"/>
            <bpmn:intermediateCatchEvent id="d"><bpmn:timerEventDefinition><bpmn:timeDuration>5 seconds</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:callActivity id="f"/>
            <bpmn:task id="s"/>
            \(XML.end())
            \(XML.flows("s->e"))
            """, attributes: #" camunda:versionTag="one""#)
        let errors = Support.errors(xml).joined(separator: "\n")
        #expect(errors.contains("bpmn:serviceTask id=a has no implementation"))
        #expect(errors.contains(#"bpmn:serviceTask id=b: dkctl:retries "many" is not a count"#))
        #expect(errors.contains("bpmn:scriptTask id=c: scriptFormat 'javascript' is not supported"))
        #expect(errors.contains(#"timer duration "5 seconds" is not an ISO 8601 duration"#))
        #expect(errors.contains("bpmn:callActivity id=f has no calledElement"))
        #expect(errors.contains("bpmn:task id=s: the id is used twice"))
        #expect(errors.contains(#"camunda:versionTag "one" is not a version"#))
    }

    @Test func missingCompanionFunctionIsNamed() {
        let xml = XML.process(
            [
                XML.start(), #"<bpmn:serviceTask id="b" dkctl:function="f"/>"#, XML.end(),
                XML.flows("s->b", "b->e"),
            ]
            .joined(separator: "\n"))
        #expect(
            Support.errors(xml) == [
                "t.bpmn:5:42: error: bpmn:serviceTask id=b calls function 'f', but no companion .orch file was given"
            ])
        #expect(
            Support.errors(xml, companion: (source: "fn g(v) { return 1 }", file: "c.orch")) == [
                "t.bpmn:5:42: error: bpmn:serviceTask id=b calls function 'f', but the companion file has no 'fn f(vars)'"
            ])
    }

    @Test func companionErrorsNameTheCompanionFile() {
        let xml = XML.process(Self.startEnd)
        let errors = Support.errors(xml, companion: (source: "fn f(x) {\n  return x +\n}\n", file: "c.orch"))
        #expect(errors.first?.hasPrefix("c.orch:3:") == true, "\(errors)")
    }

    @Test func versionsAreReadAndNormalized() throws {
        let xml = XML.process(Self.startEnd, attributes: #" camunda:versionTag="v2.1""#)
        #expect(try BPMNCompiler.compile(xml: xml, file: "t.bpmn").version == "2.1.0")
        #expect(try BPMNCompiler.header(xml: xml, file: "t.bpmn") == ("p", "2.1.0"))
        #expect(throws: CompileFailure.self) {
            try BPMNCompiler.compile(xml: xml, file: "t.bpmn", version: "2")
        }
    }

    @Test(arguments: [
        (#"<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn2:process id="q"><bpmn2:startEvent id="s"/><bpmn2:endEvent id="e"/><bpmn2:sequenceFlow id="f" sourceRef="s" targetRef="e"/></bpmn2:process></bpmn2:definitions>"#),
        (#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:c="http://camunda.org/schema/1.0/bpmn"><process id="q" c:versionTag="3.0.0"><startEvent id="s"/><endEvent id="e"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/></process></definitions>"#),
    ])
    func namespacePrefixesDoNotMatter(xml: String) throws {
        let program = try BPMNCompiler.compile(xml: xml, file: "t.bpmn")
        #expect(program.name == "q")
    }

    @Test func generatedSourceIsAvailable() throws {
        let source = try BPMNCompiler.generatedSource(xml: XML.process(Self.startEnd), file: "t.bpmn")
        #expect(source.hasPrefix("orchestrator bpmn version"))
        #expect(source.contains("fn __bpmn_run("))
    }
}
