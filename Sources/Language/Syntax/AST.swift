/// A position in a source file.
public struct SourceLocation: Sendable, Equatable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// A location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Binary operators, in the AST.
public enum BinaryOp: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case and = "&&", or = "||", coalesce = "??"
}

/// An expression node.
public indirect enum Expr: Sendable {
    case literal(Value, SourceLocation)
    case name(String, SourceLocation)
    case interpolated([InterpolationPart], SourceLocation)
    case list([Expr], SourceLocation)
    case map([(key: Expr, value: Expr)], SourceLocation)
    case unary(negate: Bool, Expr, SourceLocation)
    case binary(BinaryOp, Expr, Expr, SourceLocation)
    case range(Expr, Expr, inclusive: Bool, SourceLocation)
    case index(Expr, Expr, SourceLocation)
    case field(Expr, String, SourceLocation)
    case call(Expr, [Expr], SourceLocation)
    case method(Expr, String, [Expr], SourceLocation)
    case ctxCall(String, [Expr], SourceLocation)
    case thread(Expr, [Expr], SourceLocation)
    case function(FunctionDecl)

    /// Where the expression starts.
    public var location: SourceLocation {
        switch self {
        case .literal(_, let l), .name(_, let l), .interpolated(_, let l), .list(_, let l), .map(_, let l),
            .unary(_, _, let l), .binary(_, _, _, let l), .range(_, _, _, let l), .index(_, _, let l),
            .field(_, _, let l), .call(_, _, let l), .method(_, _, _, let l), .ctxCall(_, _, let l),
            .thread(_, _, let l):
            return l
        case .function(let f): return f.location
        }
    }
}

/// One part of an interpolated string.
public enum InterpolationPart: Sendable {
    case text(String)
    case expr(Expr)
}

/// A pattern of a `receive` clause.
public indirect enum Pattern: Sendable {
    case wildcard
    case literal(Value, SourceLocation)
    case bind(String, SourceLocation)
    case list([Pattern], SourceLocation)
    case map([(key: Value, pattern: Pattern)], SourceLocation)
}

/// One clause of a `receive`.
public struct ReceiveClause: Sendable {
    public var pattern: Pattern
    public var guardExpr: Expr?
    public var body: [Stmt]
    public var location: SourceLocation
}

/// A statement node.
public indirect enum Stmt: Sendable {
    case declare(name: String, mutable: Bool, Expr, SourceLocation)
    case assign(target: Expr, op: BinaryOp?, Expr, SourceLocation)
    case expr(Expr, SourceLocation)
    case ifElse(Expr, [Stmt], [Stmt]?, SourceLocation)
    case whileLoop(Expr, [Stmt], SourceLocation)
    case forIn(String, String?, Expr, [Stmt], SourceLocation)
    case loop([Stmt], SourceLocation)
    case breakLoop(SourceLocation)
    case continueLoop(SourceLocation)
    case returnValue(Expr?, SourceLocation)
    case tryCatch([Stmt], String?, [Stmt], SourceLocation)
    case throwValue(Expr, SourceLocation)
    case receive([ReceiveClause], after: (Expr, [Stmt])?, SourceLocation)
    case block([Stmt], SourceLocation)
}

/// A function declaration (top-level `fn name(...)` or an anonymous `fn(...)`).
public struct FunctionDecl: Sendable {
    public var name: String
    public var params: [String]
    public var body: [Stmt]
    public var location: SourceLocation
    public var isAnonymous: Bool
}

/// Kinds of executables.
public enum ProgramKind: String, Sendable, CaseIterable {
    case orchestrator, service, tool
}

/// A parsed source file.
public struct SourceFile: Sendable {
    public var name: String
    public var version: String
    public var kind: ProgramKind
    public var functions: [FunctionDecl]
}
