/// Why a literal typed by a user could not be read.
public struct LiteralError: Error, Sendable, CustomStringConvertible {
    /// 1-based column in the text.
    public var column: Int
    /// What is wrong.
    public var message: String
    /// `column N: message`.
    public var description: String { "column \(column): \(message)" }
}

extension Value {
    /// Parses a literal value written in the language's syntax: `42`, `-1.5`, `"text"`,
    /// `true`, `nil`, `[1, 2]`, `{op: "add", a: 1, "b c": 2}`, `pid(12)`, `tid(3)`.
    public static func parseLiteral(_ text: String) throws(LiteralError) -> Value {
        var parser = Parser(source: text, file: "<literal>")
        if parser.current.kind == .eof {
            throw LiteralError(column: 1, message: "expected a value, found nothing")
        }
        let expr: Expr
        do {
            expr = try parser.expression()
        } catch {
            let first = parser.errors.first
            throw LiteralError(column: first?.column ?? 1, message: first?.message ?? "not a value")
        }
        if parser.current.kind != .eof {
            throw LiteralError(
                column: parser.current.column,
                message: "unexpected \(parser.current.display) after the value")
        }
        guard let value = Parser.constantValue(expr) else {
            var message =
                "not a literal value (expected a number, string, true/false/nil, [list], {map} or pid(N))"
            if case .name(let n, _) = expr { message = "unknown name '\(n)' (quote strings: \"\(n)\")" }
            throw LiteralError(column: expr.location.column, message: message)
        }
        return value
    }
}
