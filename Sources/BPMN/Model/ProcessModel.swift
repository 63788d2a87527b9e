/// Language code embedded in the XML (a condition, a script, an expression attribute), with
/// the place where it starts so that errors point into the XML.
struct EmbeddedText: Sendable {
    var text: String
    var position: XMLPosition
}

/// How a service task does its work.
enum ServiceImplementation: Sendable {
    /// `call(name, vars, timeout)` to a registered service.
    case service(String)
    /// `name(vars)`, a function of the companion file.
    case function(String, XMLPosition)
    /// A language expression (`camunda:expression`).
    case expression(EmbeddedText)
}

/// What a flow node is and what it needs.
enum NodeKind: Sendable {
    case startEvent
    case endEvent
    /// An end event with an `errorEventDefinition`: the process fails with this error code.
    case errorEndEvent(code: String?)
    /// A none intermediate throw event: a milestone that only records the step.
    case milestone
    case task
    case serviceTask(ServiceImplementation)
    case scriptTask(EmbeddedText)
    /// Spawns `calledElement` with `arguments` (`target=source` pairs; `"*"` alone: all variables).
    case callActivity(called: String, inputs: [(target: String, source: String)])
    case exclusiveGateway(defaultFlow: String?)
    case parallelGateway
    case timerCatch(milliseconds: Int)
    case messageCatch(name: String, correlation: EmbeddedText)
    /// An error boundary event on activity `attachedTo`, catching `code` (nil: every error).
    case errorBoundary(attachedTo: String, code: String?)

    /// Whether the node runs as a thread of its own (activities and waiting events).
    var runsAsThread: Bool {
        switch self {
        case .task, .serviceTask, .scriptTask, .callActivity, .timerCatch, .messageCatch: return true
        default: return false
        }
    }

    /// Whether the node is an activity (can carry boundary events and retries).
    var isActivity: Bool {
        switch self {
        case .task, .serviceTask, .scriptTask, .callActivity: return true
        default: return false
        }
    }

    var isGateway: Bool {
        switch self {
        case .exclusiveGateway, .parallelGateway: return true
        default: return false
        }
    }
}

/// A flow node of the process (event, activity or gateway).
struct FlowNode: Sendable {
    var id: String
    var kind: NodeKind
    /// The element's name as written (`bpmn:serviceTask`).
    var element: String
    /// The `name` attribute.
    var name: String?
    /// Where the element's start tag begins.
    var position: XMLPosition
    var retries = 0
    var retryDelayMilliseconds = 0
    var timeoutMilliseconds = BPMNVocabulary.defaultServiceTimeout
    /// The `decision` key for the result (nil: the id).
    var resultKey: String?
    /// Indexes into `ProcessModel.flows`.
    var incoming: [Int] = []
    var outgoing: [Int] = []
    /// Indexes into `ProcessModel.nodes` of error boundary events attached to this activity.
    var boundaries: [Int] = []

    /// `bpmn:serviceTask id=T1`, how messages name the element.
    var label: String { "\(element) id=\(id)" }
}

/// A sequence flow between two flow nodes.
struct SequenceFlow: Sendable {
    var id: String
    var source: String
    var target: String
    var condition: EmbeddedText?
    var position: XMLPosition
    /// Indexes into `ProcessModel.nodes` (nil when the reference names no node).
    var sourceIndex: Int?
    var targetIndex: Int?
}

/// The executable part of a BPMN file: one process, its nodes and flows.
struct ProcessModel: Sendable {
    var id: String
    var version: String
    var position: XMLPosition
    var nodes: [FlowNode] = []
    var flows: [SequenceFlow] = []
    var nodeIndex: [String: Int] = [:]
}
