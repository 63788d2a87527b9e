/// Parsing of the program header: `orchestrator NAME version "X.Y.Z"`, optionally followed by
/// `service` or `tool`.
extension Parser {
    /// Parses the header into `file`. When the first words do not look like a header, it is an
    /// error only if `required`; otherwise the defaults stay.
    mutating func parseHeader(into file: inout SourceFile, required: Bool) {
        guard case .identifier(let word) = current.kind, let kind = ProgramKind(rawValue: word),
            case .identifier = tokens[min(pos + 1, tokens.count - 1)].kind
        else {
            if required {
                record(
                    "expected a header 'orchestrator NAME version \"X.Y.Z\"' (or service/tool), found "
                        + current.display, at: location)
            }
            return
        }
        advance()
        file.kind = kind
        if case .identifier(let name) = current.kind { file.name = name }
        advance()
        while accept(.dot) || accept(.minus) {  // dotted or dashed names: a.b-c
            if case .identifier(let more) = current.kind {
                file.name += tokens[pos - 1].kind == .punct(.dot) ? ".\(more)" : "-\(more)"
                advance()
            }
        }
        guard case .identifier("version") = current.kind else {
            record(
                "expected 'version \"X.Y.Z\"' after the program name, found \(current.display)", at: location)
            return
        }
        advance()
        guard case .string(let parts) = current.kind, parts.count <= 1 else {
            record("expected a version string like \"1.0.0\", found \(current.display)", at: location)
            return
        }
        var text = ""
        if case .text(let t) = parts.first { text = t }
        if !Parser.isSemanticVersion(text) {
            record(
                "version \"\(text)\" is not a semantic version (expected \"MAJOR.MINOR.PATCH\")", at: location
            )
        }
        file.version = text
        advance()
        parseHeaderTail(into: &file)
    }

    /// Reads what may follow the version on the header line: `service` or `tool`, which sets the
    /// program's kind (`orchestrator adder version "1.0.0" service`, the same as
    /// `service adder version "1.0.0"`). Anything else before the line ends is an error, and the
    /// rest of that line is skipped so that it is reported once.
    private mutating func parseHeaderTail(into file: inout SourceFile) {
        if !headerLineEnds, case .identifier(let word) = current.kind,
            let kind = ProgramKind(rawValue: word), kind != .orchestrator
        {
            if file.kind != .orchestrator && file.kind != kind {
                record(
                    "the header names two program types: '\(file.kind.rawValue)' before the name and '\(word)' after the version",
                    at: location)
            }
            file.kind = kind
            advance()
            guard !headerLineEnds else { return }
            record("expected a line break after the header, found \(current.display)", at: location)
        } else {
            guard !headerLineEnds else { return }
            record(
                "expected a line break after the version, found \(current.display)"
                    + " (only 'service' or 'tool' may follow the version)", at: location)
        }
        while !headerLineEnds { advance() }
    }

    /// Whether the header line is over: a line break, `;`, the end of the file, or a `fn` written
    /// on the same line (`orchestrator x version "1.0.0" fn main() {}` has always been accepted).
    private var headerLineEnds: Bool {
        current.newlineBefore || current.kind == .eof || check(.semicolon) || check(.fn)
    }
}
