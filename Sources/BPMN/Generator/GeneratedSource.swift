/// Where a line of generated source comes from.
struct LineOrigin: Sendable {
    /// The file: the BPMN file, or the companion file for its lines.
    var file: String
    /// The position that errors on this line are reported at (an element's start tag, or the
    /// start of the embedded code's line in the XML).
    var position: XMLPosition
    /// For embedded code: the generated column where `position.column` is; columns of an
    /// error are then moved by the same amount. Nil for scaffolding lines.
    var codeColumn: Int?
}

/// Generated `.orch` source text with a map from each generated line to its origin in the
/// BPMN file (or the companion file), so that compile errors and runtime line numbers can
/// point back into the XML.
struct GeneratedSource: Sendable {
    private(set) var lines: [String] = []
    private(set) var origins: [LineOrigin] = []
    let file: String

    init(file: String) { self.file = file }

    /// The whole text.
    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Appends a scaffolding line that belongs to the element at `position`.
    mutating func line(_ text: String, at position: XMLPosition) {
        lines.append(text)
        origins.append(LineOrigin(file: file, position: position))
    }

    /// Appends embedded code (one or more lines) with `prefix` before its first line and
    /// `suffix` after its last; each line maps to its own line in the XML.
    mutating func code(_ prefix: String, _ code: EmbeddedText, _ suffix: String = "") {
        let parts = code.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            var text = i == 0 ? prefix + part : String(part)
            if i == parts.count - 1 { text += suffix }
            let position =
                i == 0 ? code.position : XMLPosition(line: code.position.line + i, column: 1)
            let column = i == 0 ? prefix.utf8.count + 1 : 1
            lines.append(text)
            origins.append(LineOrigin(file: file, position: position, codeColumn: column))
        }
    }

    /// Appends the companion file's text verbatim; its lines map to themselves.
    mutating func companion(_ source: String, file companionFile: String) {
        let parts = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            lines.append(String(part))
            origins.append(
                LineOrigin(file: companionFile, position: XMLPosition(line: i + 1, column: 1), codeColumn: 1))
        }
    }

    /// The origin of generated `line`:`column` as (file, line, column).
    func origin(line: Int, column: Int) -> (file: String, line: Int, column: Int) {
        guard line >= 1, line <= origins.count else { return (file, 1, 1) }
        let o = origins[line - 1]
        guard let codeColumn = o.codeColumn else { return (o.file, o.position.line, o.position.column) }
        return (o.file, o.position.line, max(1, o.position.column + column - codeColumn))
    }
}
