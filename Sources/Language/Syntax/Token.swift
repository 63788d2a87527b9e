/// A piece of a string literal: text, or the source of an interpolated `\(expression)`.
public enum StringPart: Equatable, Sendable {
    /// Literal text (escapes already decoded).
    case text(String)
    /// The source of an interpolated expression and where it starts.
    case code(String, line: Int, column: Int)
}

/// Reserved words of the language.
public enum Keyword: String, Sendable, CaseIterable {
    case fn, `let`, `var`, `if`, `else`, `while`, `for`, `in`, loop, `break`, `continue`, `return`
    case `try`, `catch`, `throw`, receive, when, after, thread, `true`, `false`, `nil`
}

/// Operators and punctuation.
public enum Punct: String, Sendable, CaseIterable {
    case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", halfOpen = "..<", closed = "..."
    case arrow = "=>", plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/=", percentAssign = "%="
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", assign = "="
    case and = "&&", or = "||", not = "!", coalesce = "??"
}

/// What a token is.
public enum TokenKind: Equatable, Sendable {
    /// A name.
    case identifier(String)
    /// An integer literal.
    case int(Int64)
    /// A float literal.
    case float(Double)
    /// A string literal, possibly with interpolations.
    case string([StringPart])
    /// A reserved word.
    case keyword(Keyword)
    /// An operator or punctuation.
    case punct(Punct)
    /// A character or literal the lexer could not read; the message says why.
    case invalid(String)
    /// End of input.
    case eof
}

/// A token with its position (1-based line and column, in UTF-8 bytes).
public struct Token: Sendable {
    /// What the token is.
    public var kind: TokenKind
    /// Line of the first character.
    public var line: Int
    /// Column of the first character.
    public var column: Int
    /// Whether a line break separates this token from the previous one.
    public var newlineBefore: Bool

    /// How the token reads in an error message: `'foo'`, `'{'`, `end of file`.
    public var display: String {
        switch kind {
        case .identifier(let s): return "'\(s)'"
        case .int(let i): return "'\(i)'"
        case .float(let f): return "'\(f)'"
        case .string: return "string literal"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .punct(let p): return "'\(p.rawValue)'"
        case .invalid(let s): return s
        case .eof: return "end of file"
        }
    }
}
