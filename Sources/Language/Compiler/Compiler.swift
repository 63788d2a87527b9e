/// Options for `Compiler.compile`.
public struct CompileOptions: Sendable {
    /// Whether the `orchestrator NAME version "X.Y.Z"` header is required.
    public var requireHeader = true
    /// Whether a `main` function is required.
    public var requireMain = true
    /// The program name used when there is no header.
    public var defaultName = "main"

    /// Default options: header and `main` required.
    public init() {}
}

/// Compiles orchestrator source code to a `Program` of bytecode.
public struct Compiler {
    let file: String
    var errors: [CompileError] = []
    var functions: [Function?] = []
    var topLevel: [String: FunctionDecl] = [:]
    var topLevelIndex: [String: Int] = [:]
    var current: FunctionState

    init(file: String) {
        self.file = file
        current = FunctionState(name: "", index: 0, arity: 0, parent: nil)
    }

    /// Compiles `source` (named `file` in error messages).
    public static func compile(source: String, file: String, options: CompileOptions = CompileOptions())
        throws(CompileFailure) -> Program
    {
        var parser = Parser(source: source, file: file)
        let parsed = parser.parseFile(requireHeader: options.requireHeader, defaultName: options.defaultName)
        if !parser.errors.isEmpty { throw CompileFailure(errors: parser.errors) }
        var compiler = Compiler(file: file)
        compiler.compileFile(parsed)
        if options.requireMain, parsed.functions.contains(where: { $0.name == "main" }) == false {
            compiler.error("the program has no 'fn main(args)'", at: SourceLocation(line: 1, column: 1))
        }
        if compiler.functions.count > 65_000 {
            compiler.error(
                "the program has too many functions (more than 65000)", at: SourceLocation(line: 1, column: 1)
            )
        }
        if !compiler.errors.isEmpty {
            throw CompileFailure(
                errors: compiler.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return Program(
            name: parsed.name, version: parsed.version, kind: parsed.kind, file: file,
            functions: compiler.functions.compactMap { $0 })
    }

    mutating func error(_ message: String, at loc: SourceLocation) {
        if errors.count < Parser.maxErrors {
            errors.append(CompileError(file: file, line: loc.line, column: loc.column, message: message))
        }
    }

    private mutating func compileFile(_ source: SourceFile) {
        for f in source.functions {
            if topLevel[f.name] != nil {
                error("function '\(f.name)' is declared twice", at: f.location)
                continue
            }
            if f.name == "main", f.params.count > 1 {
                error("'main' takes at most one parameter (the argument list)", at: f.location)
            }
            topLevel[f.name] = f
            topLevelIndex[f.name] = functions.count
            functions.append(nil)
        }
        for f in source.functions where topLevelIndex[f.name] != nil {
            guard let index = topLevelIndex[f.name], functions[index] == nil else { continue }
            functions[index] = compileFunction(f, index: index, captures: [], parent: nil)
        }
    }

    /// Compiles one function body into a `Function` at `index`.
    mutating func compileFunction(
        _ decl: FunctionDecl, index: Int, captures: [String], parent: FunctionState?
    )
        -> Function
    {
        let state = FunctionState(name: decl.name, index: index, arity: decl.params.count, parent: parent)
        state.location = decl.location
        let saved = current
        current = state
        for p in decl.params { state.declare(p, register: state.allocate(), mutable: true) }
        state.captures = captures
        for c in captures { state.declare(c, register: state.allocate(), mutable: true) }
        block(decl.body)
        state.emit(Instruction(.retnil))
        if state.overflowed {
            error(
                "function '\(decl.name)' is too complex (needs more than \(FunctionState.registerLimit) registers)",
                at: decl.location)
        }
        if state.constants.count > 65_000 {
            error("function '\(decl.name)' has too many constants", at: decl.location)
        }
        current = saved
        JumpThreading.thread(&state.code)
        return Function(
            name: decl.name, index: index, arity: decl.params.count, captureCount: captures.count,
            registerCount: max(state.maxRegister, 1), instructions: state.code, constants: state.constants,
            locations: state.locations)
    }

    /// Compiles an anonymous function and returns its index.
    mutating func compileClosure(_ decl: FunctionDecl, captures: [String]) -> Int {
        let index = functions.count
        functions.append(nil)
        functions[index] = compileFunction(decl, index: index, captures: captures, parent: current)
        return index
    }
}
