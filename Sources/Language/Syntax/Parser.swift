/// Recursive-descent parser producing the AST. It records errors and recovers at statement
/// boundaries, so one run reports many errors; nesting depth is limited explicitly so that
/// no input can overflow the stack.
public struct Parser {
    /// Why parsing of a construct stopped; the error is already recorded.
    public struct Abort: Error {}

    var tokens: [Token]
    var pos = 0
    let file: String
    var errors: [CompileError] = []
    var depth = 0
    /// The deepest nesting of blocks, brackets and operator chains accepted.
    public static let maxDepth = 120
    /// Parsing stops after this many errors.
    public static let maxErrors = 500
    var tooDeep = false

    /// A parser for `source`, reporting errors against `file`.
    public init(source: String, file: String, line: Int = 1, column: Int = 1, depth: Int = 0) {
        var lexer = Lexer(source, line: line, column: column)
        tokens = lexer.tokenize()
        self.file = file
        self.depth = depth
    }

    var current: Token { tokens[pos] }
    var location: SourceLocation { SourceLocation(line: current.line, column: current.column) }

    mutating func advance() {
        if pos < tokens.count - 1 { pos += 1 }
    }

    func check(_ p: Punct) -> Bool { current.kind == .punct(p) }
    func check(_ k: Keyword) -> Bool { current.kind == .keyword(k) }

    mutating func accept(_ p: Punct) -> Bool {
        guard check(p) else { return false }
        advance()
        return true
    }

    mutating func accept(_ k: Keyword) -> Bool {
        guard check(k) else { return false }
        advance()
        return true
    }

    mutating func expect(_ p: Punct, _ what: String) throws(Abort) {
        guard accept(p) else { throw fail("expected '\(p.rawValue)' \(what), found \(current.display)") }
    }

    mutating func expectIdentifier(_ what: String) throws(Abort) -> String {
        if case .identifier(let s) = current.kind {
            advance()
            return s
        }
        throw fail("expected \(what), found \(current.display)")
    }

    /// Records an error at the current token and returns the abort to throw.
    mutating func fail(_ message: String) -> Abort {
        var text = message
        if case .invalid(let why) = current.kind { text = why }
        record(text, at: location)
        return Abort()
    }

    mutating func record(_ message: String, at loc: SourceLocation) {
        if let last = errors.last, last.line == loc.line, last.column == loc.column { return }
        errors.append(CompileError(file: file, line: loc.line, column: loc.column, message: message))
    }

    /// Enters one level of nesting; fails past `maxDepth`.
    mutating func enter() throws(Abort) {
        depth += 1
        if depth > Parser.maxDepth {
            if !tooDeep { record("nesting is too deep (more than \(Parser.maxDepth) levels)", at: location) }
            tooDeep = true
            throw Abort()
        }
    }

    mutating func leave() { depth -= 1 }

    /// Skips to a likely statement start after an error.
    mutating func synchronize() {
        if current.kind != .eof { advance() }
        while current.kind != .eof {
            if current.newlineBefore || check(.rbrace) { return }
            if accept(.semicolon) { return }
            advance()
        }
    }

    /// Whether parsing must stop (depth exceeded or too many errors).
    var mustStop: Bool { tooDeep || errors.count >= Parser.maxErrors }

    // MARK: - File

    /// Parses a whole source file: a header, then top-level functions.
    public mutating func parseFile(requireHeader: Bool = true, defaultName: String = "main") -> SourceFile {
        var result = SourceFile(name: defaultName, version: "0.0.0", kind: .orchestrator, functions: [])
        parseHeader(into: &result, required: requireHeader)
        while current.kind != .eof, !mustStop {
            if accept(.semicolon) { continue }
            guard check(.fn) else {
                record("expected 'fn' at top level, found \(current.display)", at: location)
                advance()
                while current.kind != .eof, !(check(.fn) && current.newlineBefore) { advance() }
                continue
            }
            let loc = location
            advance()
            do {
                let name = try expectIdentifier("a function name after 'fn'")
                result.functions.append(try functionRest(name: name, location: loc, anonymous: false))
            } catch {
                while current.kind != .eof, !(check(.fn) && current.newlineBefore) { advance() }
            }
        }
        return result
    }

    /// Whether `s` is `MAJOR.MINOR.PATCH` with an optional `-prerelease` or `+build` suffix.
    public static func isSemanticVersion(_ s: String) -> Bool {
        let core = s.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
        let main = core.split(separator: "+", maxSplits: 1).first.map(String.init) ?? ""
        let nums = main.split(separator: ".", omittingEmptySubsequences: false)
        return nums.count == 3
            && nums.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
    }

    /// Parses `(params) { body }` after `fn [name]`.
    mutating func functionRest(name: String, location: SourceLocation, anonymous: Bool) throws(Abort)
        -> FunctionDecl
    {
        try expect(.lparen, "after the function name")
        var params: [String] = []
        if !check(.rparen) {
            repeat {
                let p = try expectIdentifier("a parameter name")
                if params.contains(p) {
                    record(
                        "duplicate parameter '\(p)'",
                        at: SourceLocation(line: tokens[pos - 1].line, column: tokens[pos - 1].column))
                }
                params.append(p)
            } while accept(.comma)
        }
        try expect(.rparen, "to close the parameter list")
        let body = try block()
        return FunctionDecl(
            name: name, params: params, body: body, location: location, isAnonymous: anonymous)
    }
}
