import Language

/// Turns an `XMLTree` into a `ProcessModel`: picks the process, reads its flow nodes and
/// sequence flows, resolves references, and records an error for everything it cannot
/// compile (unsupported elements, missing references, bad attributes) — all of them.
struct ModelBuilder {
    let tree: XMLTree
    let source: SourceText
    let file: String
    var errors: [CompileError] = []
    /// `bpmn:message` id → name and correlation-key expression.
    var messages: [String: (name: String, correlation: EmbeddedText?)] = [:]
    /// `bpmn:error` id → error code.
    var errorCodes: [String: String] = [:]

    static let bpmn = BPMNVocabulary.model

    /// Children of a process that carry no behaviour.
    static let ignoredInProcess: Set<String> = [
        "documentation", "extensionElements", "laneSet", "textAnnotation", "association", "dataObject",
        "dataObjectReference", "dataStoreReference", "group", "property", "ioSpecification", "auditing",
        "monitoring", "category",
    ]

    init(tree: XMLTree, source: SourceText, file: String) {
        self.tree = tree
        self.source = source
        self.file = file
    }

    mutating func error(_ message: String, at position: XMLPosition) {
        errors.append(
            CompileError(file: file, line: position.line, column: position.column, message: message))
    }

    func isBPMN(_ index: Int, _ local: String) -> Bool {
        tree.nodes[index].name == QualifiedName(namespace: Self.bpmn, local: local)
    }

    /// Reads the process; nil when there is none to read (errors say why).
    mutating func build(version override: String?) -> ProcessModel? {
        let root = tree.nodes[0]
        guard root.name == QualifiedName(namespace: Self.bpmn, local: "definitions") else {
            let ns = root.name.namespace.map { "namespace \($0)" } ?? "no namespace"
            error(
                "expected a BPMN 2.0 <definitions> root element in namespace \(Self.bpmn), found <\(root.written)> (\(ns))",
                at: root.position)
            return nil
        }
        readGlobals()
        let candidates = tree.children(of: 0, "process", in: Self.bpmn)
        let executable = candidates.filter { tree.nodes[$0].attribute("isExecutable") == "true" }
        let chosen = executable.isEmpty ? candidates : executable
        guard let processIndex = chosen.first else {
            error("the file has no <bpmn:process> element", at: root.position)
            return nil
        }
        if chosen.count > 1 {
            let ids = chosen.map { tree.nodes[$0].attribute("id") ?? "?" }.joined(separator: ", ")
            error(
                "the file has \(chosen.count) executable processes (\(ids)); keep one",
                at: tree.nodes[chosen[1]].position)
        }
        let element = tree.nodes[processIndex]
        guard let id = element.attribute("id"), !id.isEmpty else {
            error("<\(element.written)> has no id (the id is the executable's name)", at: element.position)
            return nil
        }
        var model = ProcessModel(id: id, version: "1.0.0", position: element.position)
        model.version = readVersion(override: override, element: element)
        for child in element.children { readChild(child, into: &model) }
        resolve(&model)
        return model
    }

    private mutating func readGlobals() {
        for child in tree.nodes[0].children {
            let node = tree.nodes[child]
            guard let id = node.attribute("id") else { continue }
            if isBPMN(child, "message") {
                var correlation: EmbeddedText?
                if let key = node.attribute("correlationKey", in: BPMNVocabulary.dkctl) {
                    correlation = attributeText(child, "correlationKey", key)
                }
                messages[id] = (node.attribute("name") ?? id, correlation)
            } else if isBPMN(child, "error") {
                errorCodes[id] = node.attribute("errorCode") ?? node.attribute("name") ?? id
            }
        }
    }

    private mutating func readVersion(override: String?, element: XMLNode) -> String {
        if let override {
            if !Parser.isSemanticVersion(override) {
                error(
                    "version \"\(override)\" is not a semantic version (expected MAJOR.MINOR.PATCH)",
                    at: element.position)
            }
            return override
        }
        guard let tag = element.attribute("versionTag", in: BPMNVocabulary.camunda) else { return "1.0.0" }
        if let version = Self.normalizedVersion(tag) { return version }
        error(
            "camunda:versionTag \"\(tag)\" is not a version (expected MAJOR.MINOR.PATCH, such as 1.2.0)",
            at: element.position)
        return "1.0.0"
    }

    /// `1` → `1.0.0`, `1.2` → `1.2.0`, `v1.2.3` → `1.2.3`; nil if it is not a version.
    static func normalizedVersion(_ tag: String) -> String? {
        var text = tag.trimmingBlanks
        if text.first == "v" || text.first == "V" { text.removeFirst() }
        if Parser.isSemanticVersion(text) { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { return nil }
        return (parts.map(String.init) + Array(repeating: "0", count: 3 - parts.count)).joined(separator: ".")
    }

    /// The value of an attribute as embedded text, placed where its value starts.
    func attributeText(_ index: Int, _ local: String, _ value: String) -> EmbeddedText {
        let node = tree.nodes[index]
        let written = node.writtenAttributes.first { key, _ in
            key == local || key.hasSuffix(":" + local)
        }?.key
        var position = node.position
        let start = source.offset(of: position)
        if let written, let valueStart = source.attributeValueStart(written, inTagAt: start) {
            position = source.position(of: valueStart)
        }
        return Self.unwrap(EmbeddedText(text: value, position: position))
    }

    /// The element's text, trimmed and placed.
    func elementText(_ index: Int) -> EmbeddedText {
        let node = tree.nodes[index]
        return Self.unwrap(EmbeddedText(text: node.text.trimmingBlanks, position: node.contentPosition))
    }

    /// Strips `${…}` / `#{…}` (or a leading FEEL `=`) around an expression, moving its position.
    static func unwrap(_ e: EmbeddedText) -> EmbeddedText {
        var text = e.text.trimmingBlanks
        var position = e.position
        let leading = e.text.prefix { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        position = position.advanced(over: leading)
        if (text.hasPrefix("${") || text.hasPrefix("#{")) && text.hasSuffix("}") && closesAtEnd(text) {
            text = String(text.dropFirst(2).dropLast())
            position.column += 2
        } else if text.hasPrefix("=") && !text.hasPrefix("==") {
            text = String(text.dropFirst())
            position.column += 1
        }
        return EmbeddedText(text: text, position: position)
    }

    /// Whether the `{` at index 1 is closed by the last character.
    private static func closesAtEnd(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        for (i, c) in text.enumerated() where i >= 1 {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            if c == "\"" || c == "'" { quote = c }
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 { return i == text.count - 1 }
            }
        }
        return false
    }

    /// A duration attribute or text in milliseconds, with an error if it is not one.
    mutating func duration(_ text: String, what: String, at position: XMLPosition) -> Int {
        if let ms = ISODuration.milliseconds(text) { return ms }
        error("\(what) \"\(text)\" is not an ISO 8601 duration (such as PT5S, PT1M30S or P1D)", at: position)
        return 0
    }
}
