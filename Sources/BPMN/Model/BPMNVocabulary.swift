/// The XML namespaces and extension attributes the BPMN loader understands.
///
/// Extension attributes (prefix as you like, namespace `dkctl`):
/// - `dkctl:service="NAME"` on a service task: `call(NAME, vars, timeout)` to the registered
///   service NAME, with the `decision` region (`ctx.readAll`) as payload. Camunda's external
///   tasks (`camunda:type="external" camunda:topic="NAME"`) mean the same.
/// - `dkctl:function="NAME"` on a service task: calls `NAME(vars)` of the companion `.orch`
///   file with the `decision` region as a map. `camunda:expression="${EXPR}"` evaluates a
///   language expression instead (bare names read the `decision` region).
/// - `dkctl:timeout="PT5S"`: how long a service call may take (default 5 s).
/// - `dkctl:retries="N"` and `dkctl:retryDelay="PT1S"` on any activity: run it again up to N
///   times after an error (default 0 and no delay) before the error goes to an error boundary
///   event, or ends the process.
/// - `dkctl:result="KEY"` (or `camunda:resultVariable`): the `decision` key that receives the
///   activity's result (default: the element's id; a nil result is not written).
/// - `dkctl:correlationKey="EXPR"` on a message catch event (or on the `bpmn:message`): the
///   expression whose value a message's `key` must equal (default `key`, the `decision`
///   region's `key`; when it is nil any key matches).
/// - `camunda:versionTag` on the process: the executable's version (`1.0.0` when absent;
///   `1` and `1.2` are read as `1.0.0` and `1.2.0`, a leading `v` is dropped).
/// - `<camunda:in source="a" target="b"/>` or `<camunda:in variables="all"/>` inside a call
///   activity's `extensionElements`: the arguments `b=VALUE` given to the called process.
public enum BPMNVocabulary {
    /// The BPMN 2.0 model namespace.
    public static let model = "http://www.omg.org/spec/BPMN/20100524/MODEL"
    /// Camunda 7's extension namespace (`camunda:`).
    public static let camunda = "http://camunda.org/schema/1.0/bpmn"
    /// dkctl's extension namespace (`dkctl:`).
    public static let dkctl = "http://dkctl.dev/schema/bpmn"

    /// Default timeout of a service call, in milliseconds.
    public static let defaultServiceTimeout = 5000
}
